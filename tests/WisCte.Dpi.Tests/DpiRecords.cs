using System.Text.Json.Nodes;

namespace WisCte.Dpi.Tests;

/// <summary>Records as DPI documents them, for the data sets the rule tests build: one place for their shape.</summary>
internal static class DpiRecords
{
    public const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;

    public static JsonObject StudentRef(string student) => new() { ["studentUniqueId"] = student };

    public static JsonObject Program(string type, string name) => new()
    {
        ["educationOrganizationId"] = Lea, ["programName"] = name, ["programTypeDescriptor"] = $"uri://dpi.wi.gov/ProgramTypeDescriptor#{type}",
    };

    /// <summary>A CTE course (with DPI's program area) or not.</summary>
    public static JsonObject Course(string code, string title, bool cte)
    {
        var course = new JsonObject { ["courseCode"] = code, ["courseTitle"] = title, ["courseDescription"] = title };
        if (cte)
            course["_ext"] = new JsonObject { ["WI"] = new JsonObject { ["cteProgramAreaDescriptor"] = "uri://dpi.wi.gov/CteProgramAreaDescriptor#B" } };
        return course;
    }

    /// <summary>A studentCTEProgramAssociation at school 7525, with a program area and, when given, a certificated status.</summary>
    public static JsonObject Association(string student, string type, string name, string? status)
    {
        var wi = new JsonObject { ["cteConcentrationCteProgramAreas"] = new JsonArray(new JsonObject { ["cteProgramAreaDescriptor"] = "uri://dpi.wi.gov/CteProgramAreaDescriptor#B" }) };
        if (status is not null)
            wi["certificatedProgramStatusDescriptor"] = $"uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#{status}";
        return new JsonObject
        {
            ["studentReference"] = StudentRef(student), ["beginDate"] = "2025-08-26", ["programReference"] = Program(type, name),
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = 7525 }, ["_ext"] = new JsonObject { ["WI"] = wi },
        };
    }
}
