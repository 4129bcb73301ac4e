using WisCte.EdFi.Model;
namespace WisCte.Dpi.DataProperties;

/// <summary>One row of DPI's data-properties table, and where the property sits in the resource's JSON.</summary>
/// <param name="Number">DPI's row number ("1.0"); empty where the page gives none.</param>
/// <param name="PageRow">The row as the page prints it, so every rule can point at its source.</param>
public sealed record DataProperty(
    string Number,
    string Resource,
    string Property,
    Requirement Public,
    Requirement Choice,
    IReadOnlyList<PropertyLocation> Locations,
    string PageRow,
    string? Note)
{
    /// <summary>Where the property is sent in that school year, or null when it is not sent at all that year.</summary>
    public string? PathIn(SchoolYear year) => Locations.FirstOrDefault(l => l.AppliesTo(year))?.Path;

    public override string ToString() => $"{Number} {Resource}.{Property}".Trim();
}

public sealed record PropertyLocation(string Path, int? FromSchoolYear, int? ToSchoolYear)
{
    public bool AppliesTo(SchoolYear year) =>
        year.IsWithin(FromSchoolYear, ToSchoolYear);
}
