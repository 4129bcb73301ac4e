using System.Text.Json.Nodes;

namespace WisCte.ReferenceSis.Payloads;

/// <summary>One of DPI's programs, as a program reference names it: type code (IRC, WBL, Certified…) and name.</summary>
public sealed record ProgramRef(string Type, string Name, long EducationOrganizationId = ProgramRef.DpiProgramsOwner)
{
    /// <summary>The education organization DPI's program references name in DPI's samples.</summary>
    public const long DpiProgramsOwner = WisCte.Dpi.Baseline.DpiBaseline.Lea;

    public string TypeDescriptor => Type.Contains('#', StringComparison.Ordinal) ? Type : $"uri://dpi.wi.gov/ProgramTypeDescriptor#{Type}";

    public JsonObject ToJson() => new()
    {
        ["educationOrganizationId"] = EducationOrganizationId,
        ["programName"] = Name,
        ["programTypeDescriptor"] = TypeDescriptor,
    };

    public override string ToString() => $"'{Name}' ({Type})";
}
