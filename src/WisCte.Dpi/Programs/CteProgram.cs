using WisCte.EdFi.Model;
namespace WisCte.Dpi.Programs;

/// <summary>One of DPI's programs (type and name), owned by an education organization, valid in some school years.</summary>
public sealed record CteProgram(
    long EducationOrganizationId,
    string ProgramTypeDescriptor,
    string ProgramName,
    int? FromSchoolYear,
    int? ToSchoolYear,
    string Source,
    string? Note)
{
    /// <summary>The code after '#': IRC, WBL, Certified, Non Certified, Dual, CTE.</summary>
    public string ProgramType => ProgramTypeDescriptor[(ProgramTypeDescriptor.IndexOf('#', StringComparison.Ordinal) + 1)..];

    public bool IsValidIn(SchoolYear year) =>
        year.IsWithin(FromSchoolYear, ToSchoolYear);
}
