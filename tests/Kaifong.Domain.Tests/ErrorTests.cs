using Kaifong.Domain.Common;

namespace Kaifong.Domain.Tests;

public class ErrorTests
{
    private static readonly Error Sample = new("sample", "Error.Sample");

    [Fact]
    public void Result_from_a_value_is_a_success()
    {
        Result<string> r = "+85291234567";
        Assert.True(r.IsSuccess);
        Assert.Equal("+85291234567", r.Value);
        Assert.Null(r.Error);
    }

    [Fact]
    public void Result_from_an_error_is_a_failure()
    {
        Result<int> r = Sample;
        Assert.False(r.IsSuccess);
        Assert.Equal(Sample, r.Error);
        Assert.Equal(0, r.Value);
    }

    [Fact]
    public void Errors_default_to_validation_without_a_field()
    {
        Assert.Equal(ErrorKind.Validation, Sample.Kind);
        Assert.Null(Sample.Field);
        Assert.Empty(Sample.Args);
    }

    [Fact]
    public void WithField_copies_the_error_onto_another_field()
    {
        var moved = Sample.WithField("email");
        Assert.Equal("email", moved.Field);
        Assert.Equal(Sample.Code, moved.Code);
        Assert.Null(Sample.Field);
    }

    [Fact]
    public void Version_7_ids_follow_the_clock()
    {
        var early = Ids.New(new FixedTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var late = Ids.New(new FixedTime(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(7, early.Version);
        Assert.True(string.CompareOrdinal(early.ToString(), late.ToString()) < 0);
    }

    [Fact]
    public void Url_tokens_are_url_safe_and_unpadded()
    {
        var token = Tokens.NewUrlToken();
        Assert.Equal(32, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, Tokens.NewUrlToken());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
