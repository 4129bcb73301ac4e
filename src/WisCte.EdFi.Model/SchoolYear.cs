using System.Globalization;

namespace WisCte.EdFi.Model;

/// <summary>
/// Ed-Fi's school year: the calendar year in which it ends (2026 is 2025-26). DPI's school year runs July 1 to June 30.
/// </summary>
public readonly record struct SchoolYear : IComparable<SchoolYear>
{
    public SchoolYear(int endYear)
    {
        if (endYear is < 1990 or > 2100)
            throw new ArgumentOutOfRangeException(nameof(endYear), endYear, "A school year is given by the year it ends in, e.g. 2026 for 2025-26.");
        EndYear = endYear;
    }

    public int EndYear { get; }

    public static SchoolYear Containing(DateOnly date) => new(date.Month >= 7 ? date.Year + 1 : date.Year);

    /// <summary>Reads "2026" or DPI's "2025-26".</summary>
    public static SchoolYear Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('-');
        if (parts is [var single] && int.TryParse(single, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            return new SchoolYear(end);
        if (parts is [var first, var second]
            && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var shortEnd)
            && (start + 1) % 100 == shortEnd)
            return new SchoolYear(start + 1);
        throw new FormatException($"'{text}' is not a school year: write 2026 or 2025-26.");
    }

    public int CompareTo(SchoolYear other) => EndYear.CompareTo(other.EndYear);

    /// <summary>Whether this year lies in a range of end years, either end open (null).</summary>
    public bool IsWithin(int? fromSchoolYear, int? toSchoolYear) =>
        (fromSchoolYear is null || EndYear >= fromSchoolYear) && (toSchoolYear is null || EndYear <= toSchoolYear);

    public static bool operator <(SchoolYear left, SchoolYear right) => left.EndYear < right.EndYear;
    public static bool operator >(SchoolYear left, SchoolYear right) => left.EndYear > right.EndYear;
    public static bool operator <=(SchoolYear left, SchoolYear right) => left.EndYear <= right.EndYear;
    public static bool operator >=(SchoolYear left, SchoolYear right) => left.EndYear >= right.EndYear;

    /// <summary>DPI's way of writing it: 2025-26.</summary>
    public override string ToString() => $"{EndYear - 1}-{EndYear % 100:00}";
}
