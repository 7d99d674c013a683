using Kaifong.Domain.People;

namespace Kaifong.Domain.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("9123 4567", "+85291234567")]
    [InlineData("91234567", "+85291234567")]
    [InlineData("9123-4567", "+85291234567")]
    [InlineData("+852 9123 4567", "+85291234567")]
    [InlineData("+85291234567", "+85291234567")]
    [InlineData("(852) 9123 4567", "+85291234567")]
    [InlineData("  +852-9123-4567  ", "+85291234567")]
    [InlineData("6123 4567", "+85261234567")]
    [InlineData("5123 4567", "+85251234567")]
    [InlineData("2345 6789", "+85223456789")]
    public void Hong_Kong_numbers_are_normalised_to_E164(string input, string expected)
    {
        var result = PhoneNumberRules.Normalise(input);
        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("+977 984-1234567", "+9779841234567")]
    public void Foreign_numbers_with_a_country_code_are_kept(string input, string expected) =>
        Assert.Equal(expected, PhoneNumberRules.Normalise(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("123")]
    [InlineData("9123 456")]
    [InlineData("9123 45678")]
    [InlineData("0000 0000")]
    [InlineData("+852 1234 5678")]
    [InlineData("+999 1234 5678")]
    public void Invalid_numbers_are_refused(string input)
    {
        var result = PhoneNumberRules.Normalise(input);
        Assert.False(result.IsSuccess);
        Assert.Equal(ProfileErrors.InvalidPhone, result.Error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Input_longer_than_thirty_characters_is_refused_even_if_it_would_parse()
    {
        var padded = "+852" + new string(' ', 20) + "91234567";
        Assert.True(padded.Length > 30);
        Assert.Equal(ProfileErrors.InvalidPhone, PhoneNumberRules.Normalise(padded).Error);
    }

    [Fact]
    public void Very_long_digit_strings_are_refused() =>
        Assert.False(PhoneNumberRules.Normalise(new string('9', 200)).IsSuccess);

    [Fact]
    public void Invalid_phone_error_is_placed_on_the_phone_field() =>
        Assert.Equal("phone", ProfileErrors.InvalidPhone.Field);

    [Theory]
    [InlineData("+85291234567", "+852 9123 4567")]
    [InlineData("+447911123456", "+44 7911 123456")]
    public void Display_formats_internationally(string e164, string expected) =>
        Assert.Equal(expected, PhoneNumberRules.Display(e164));

    [Fact]
    public void Display_returns_unparseable_text_unchanged() =>
        Assert.Equal("not a number", PhoneNumberRules.Display("not a number"));

    [Fact]
    public void Normalised_numbers_fit_the_column() =>
        Assert.True(PhoneNumberRules.Normalise("+852 9123 4567").Value!.Length <= Common.Limits.Phone);
}
