using System.Text.Json.Nodes;
using WisCte.EdFi;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.Specs.Drivers;

/// <summary>One of DPI's courses as the steps read it.</summary>
public sealed record DpiCourse(string Code, string Title, bool IsCte, string? Description);

/// <summary>DPI's courses as a SIS reads them, and the LEA's offerings of them (use cases 18.x).</summary>
public sealed class CourseDriver(SisDriver sis)
{
    private IReadOnlyList<DpiCourse>? _courses;

    public Task<EdFiResponse> OfferAsync(string courseCode) => sis.OfferCourseAsync(courseCode);

    /// <summary>Reads DPI's courses (one page of up to 500) and keeps them for <see cref="Course"/>.</summary>
    public async Task<EdFiResponse> ReadDpiCoursesAsync()
    {
        var response = sis.Remember(await sis.Sis.For(sis.Year).GetAsync("courses", "limit=500"));
        _courses = response.Json is JsonArray items ? [.. items.OfType<JsonObject>().Select(View)] : null;
        return response;
    }

    /// <summary>The mistake of use case 18.x: an LEA making its own course, which only DPI may.</summary>
    public async Task<EdFiResponse> CreateOwnCourseAsync(string code, string title) =>
        sis.Remember(await sis.Sis.For(sis.Year).PostAsync("courses", UseCasePayloads.LocalCourse(code, title, Support.SuiteTarget.Lea)));

    /// <summary>A course of the list read last.</summary>
    public DpiCourse Course(string code) =>
        (_courses ?? throw new InvalidOperationException("Read DPI's courses first."))
        .SingleOrDefault(c => c.Code == code) ?? throw new InvalidOperationException($"DPI's course list has no {code}.");

    /// <summary>The messages of a rule's L2 findings that name the scenario's last offering (results carry no offering id).</summary>
    public async Task<IReadOnlyList<string>> OfferingFindingsAsync(string code) =>
        [.. (await sis.ValidateAsync(code)).Select(r => r["message"]!.GetValue<string>()).Where(m => m.Contains($"'{sis.LastOffering}'", StringComparison.Ordinal))];

    private static DpiCourse View(JsonObject course) => new(
        course["courseCode"]?.GetValue<string>() ?? "",
        course["courseTitle"]?.GetValue<string>() ?? "",
        course["_ext"]?["WI"]?["cteProgramAreaDescriptor"] is not null,
        course["courseDescription"]?.GetValue<string>());
}
