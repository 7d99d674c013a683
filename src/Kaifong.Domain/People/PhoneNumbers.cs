using Kaifong.Domain.Common;
using PhoneNumbers;

namespace Kaifong.Domain.People;

/// <summary>Phone numbers through libphonenumber: +852 is assumed when no country code is given.</summary>
public static class PhoneNumberRules
{
    public const string DefaultRegion = "HK";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses and validates; returns E.164 ("+85291234567"), or an error.</summary>
    public static Result<string> Normalise(string input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return ProfileErrors.InvalidPhone;
        }

        try
        {
            var number = Util.Parse(input, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : ProfileErrors.InvalidPhone;
        }
        catch (NumberParseException)
        {
            return ProfileErrors.InvalidPhone;
        }
    }

    /// <summary>"+852 9123 4567" for display.</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, DefaultRegion), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
