namespace WisCte.Dpi.Baseline;

/// <summary>
/// The fictional identifiers every WISEdata year of this suite starts with, named once for code that needs a constant
/// (fixtures/baseline holds the records; <see cref="BaselineRecords"/> reads them, and a test holds these names to them).
/// </summary>
public static class DpiBaseline
{
    /// <summary>Fictional Unified School District: the LEA the suite's SIS key is issued for, and owner of DPI's programs in the baseline.</summary>
    public const long Lea = 48856;

    /// <summary>Fictional High School, where DPI's use cases enrol their students.</summary>
    public const long HighSchool = 7525;

    /// <summary>Fictional Middle-High School, the LEA's second school (a second enrolment, use case 15.3).</summary>
    public const long MiddleHighSchool = 1302;

    /// <summary>Fictional Choice Academy, a Choice school (DPI refuses CTE data there).</summary>
    public const long ChoiceSchool = 9501;

    /// <summary>The schools by name, as the features name them.</summary>
    public static IReadOnlyDictionary<string, long> Schools { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["Fictional High School"] = HighSchool,
        ["Fictional Middle-High School"] = MiddleHighSchool,
        ["Fictional Choice Academy"] = ChoiceSchool,
    };
}
