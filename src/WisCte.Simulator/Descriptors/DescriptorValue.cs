using WisCte.Dpi;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Descriptors;

/// <summary>One descriptor value, <c>namespace#codeValue</c>, and the school years in which it is valid.</summary>
internal sealed record DescriptorValue(
    string Type,
    string Namespace,
    string CodeValue,
    string ShortDescription,
    string? Description,
    int? FromSchoolYear,
    int? ToSchoolYear)
{
    public string Uri => $"{Namespace}#{CodeValue}";

    public bool IsValidIn(SchoolYear year) =>
        year.IsWithin(FromSchoolYear, ToSchoolYear);

    /// <summary>"2024-25 on", "to 2023-24", "2022-23 to 2024-25" or "every school year".</summary>
    public string ValidYears => (FromSchoolYear, ToSchoolYear) switch
    {
        (null, null) => "every school year",
        ({ } from, null) => $"{new SchoolYear(from)} on",
        (null, { } to) => $"to {new SchoolYear(to)}",
        ({ } from, { } to) => $"{new SchoolYear(from)} to {new SchoolYear(to)}",
    };
}
