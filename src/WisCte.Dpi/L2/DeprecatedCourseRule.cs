using System.Text.Json;
namespace WisCte.Dpi.L2;

/// <summary>18.1-18.3: DPI spins CTE-flagged courses to new roster codes; an offering of a course DPI marks "DO NOT USE" is flagged.</summary>
public sealed class DeprecatedCourseRule : IL2Rule
{
    public const string Marker = "DO NOT USE";

    public string Code => "WI-L2-18-DEPRECATED-COURSE";
    public Severity Severity => Severity.Error;

    public string Source => "DPI CTE page, use cases 18.1 'LEA needs to use the new Roster code' and 18.3 'new Roster courses code are populated in their SIS'; " +
                            "DPI marks a deprecated code with 'DO NOT USE' in courseDescription (wi-cte-rules.md §5). Harness code: no DPI message code was found. Severity Error: DPI's sentence says 'needs to'.";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deprecated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var course in context.Data.Records("courses"))
        {
            using var document = course.Read();
            var c = document.RootElement;
            if (Roster.Text(c, "courseDescription")?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true && Roster.Text(c, "courseCode") is { } code)
                deprecated.Add(code);
        }
        foreach (var offering in context.Data.Records("courseOfferings"))
        {
            using var document = offering.Read();
            var body = document.RootElement;
            var code = Roster.Text(Roster.Child(body, "courseReference"), "courseCode");
            if (code is not null && deprecated.Contains(code))
                yield return context.Result(this,
                    $"Course offering '{Roster.Text(body, "localCourseCode")}' uses course {code}, which DPI marks '{Marker}': use its new roster code.",
                    "courseOfferings", offering, null);
        }
    }
}
