namespace Kaifong.Domain.Common;

/// <summary>Field sizes, shared by validation, the database schema and the forms.</summary>
public static class Limits
{
    public const int Name = 100;
    public const int DisplayName = 60;
    public const int Slug = 40;
    public const int Email = 254;
    public const int Phone = 20;
    public const int SkillName = 40;
    public const int SkillsPerPerson = 30;
    public const int Pics = 8000;
    public const int TimeZone = 64;
    public const int Language = 8;
    public const int AuditDetail = 500;
    public const int Password = 128;
    public const int Venue = 200;
    public const int Notes = 2000;
    public const int Role = 60;
    public const int Headcount = 500;
    public const int ShiftsPerOccurrence = 20;
    public const int RequiredSkills = 10;
    public const int FormFields = 20;
    public const int FormChoices = 20;
    public const int FormAnswer = 500;
    public const int FormAnswers = 12000;

    /// <summary>The longest listing a date range may ask for (one calendar year and a bit).</summary>
    public const int RangeDays = 400;
}
