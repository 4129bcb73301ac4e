using System.Text.Json.Nodes;
using WisCte.Dpi.Baseline;

namespace WisCte.Certification.UseCases;

/// <summary>What certification needs to know of the baseline (fixtures/baseline/courses.json): the roster codes DPI marks "DO NOT USE".</summary>
internal static class Baseline
{
    private static readonly Lazy<IReadOnlyList<JsonObject>> Records = new(() =>
        [.. BaselineRecords.Embedded().Where(r => r.File == "courses").Select(r => r.Record)]);

    private static IEnumerable<JsonObject> Bodies(string resource) =>
        Records.Value.Where(r => r["resource"]?.ToString() == resource).Select(r => r["body"] as JsonObject).OfType<JsonObject>();

    /// <summary>Roster codes DPI marks "DO NOT USE" (spun to a new code, use case 18.1).</summary>
    public static IReadOnlySet<string> DeprecatedCourses { get; } = new HashSet<string>(
        Bodies("courses").Where(c => c["courseDescription"]?.ToString().Contains("DO NOT USE", StringComparison.OrdinalIgnoreCase) == true).Select(c => c["courseCode"]!.ToString()),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Local course codes of the baseline's offerings of courses DPI flags CTE.</summary>
    public static IReadOnlySet<string> CteLocalCourseCodes { get; } = new HashSet<string>(
        Bodies("courseOfferings")
            .Where(o => Bodies("courses").Any(c => c["courseCode"]?.ToString() == o["courseReference"]?["courseCode"]?.ToString() && c["_ext"]?["WI"]?["cteProgramAreaDescriptor"] is not null))
            .Select(o => o["localCourseCode"]!.ToString()),
        StringComparer.OrdinalIgnoreCase);
}
