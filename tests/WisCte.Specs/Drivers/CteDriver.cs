using System.Text.Json.Nodes;
using WisCte.EdFi;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.Specs.Drivers;

/// <summary>
/// The scenario student's CTE program association, from DPI's words: what a step's table leaves out is filled with
/// what DPI documents for a public school's concentrator. Knows the JSON; steps do not.
/// </summary>
public sealed class CteDriver(SisDriver sis)
{
    private const string Resource = "studentCTEProgramAssociations";

    /// <summary>Reports the association described by property and value (program type, program name, certificated program status, program area, pathway, school, begin date, end date, cip code, shape); "none" leaves one out.</summary>
    public async Task<EdFiResponse> ReportAsync(IReadOnlyDictionary<string, string> given) =>
        await sis.ReportCteAssociationAsync(await AssociationAsync(given));

    public Task<EdFiResponse> ReportStatusAsync(string type, string name, string status) =>
        ReportAsync(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["program type"] = type,
            ["program name"] = name,
            ["certificated program status"] = status,
        });

    /// <summary>Deletes the student's one association.</summary>
    public async Task<EdFiResponse> DeleteAsync() => await sis.DeleteAsync(Resource, SisDriver.IdOf(await sis.OneAsync(Resource)));

    /// <summary>Deletes the association this scenario deleted before, again.</summary>
    public Task<EdFiResponse> DeleteAgainAsync() =>
        sis.DeleteAsync(Resource, sis.LastDeletedId ?? throw new InvalidOperationException("No CTE program association was deleted in this scenario."));

    /// <summary>The certificated program status WISEdata holds on the student's association, as a descriptor URI.</summary>
    public async Task<string?> HeldStatusAsync() =>
        (await sis.OneAsync(Resource))["_ext"]?["WI"]?["certificatedProgramStatusDescriptor"]?.GetValue<string>();

    /// <summary>A certificated program status in DPI's words as the descriptor URI WISEdata holds.</summary>
    public Task<string> StatusDescriptorAsync(string status) => sis.Sis.DescriptorAsync(sis.Year, "CertificatedProgramStatusDescriptor", status);

    public async Task<int> CountAsync() => await sis.CountAsync(Resource);

    private async Task<JsonObject> AssociationAsync(IReadOnlyDictionary<string, string> given)
    {
        string? Value(string key, string? fallback) =>
            given.TryGetValue(key, out var v) ? (string.Equals(v, "none", StringComparison.OrdinalIgnoreCase) ? null : v) : fallback;

        var year = sis.Year;
        var oldShape = given.ContainsKey("shape");
        var services = UseCasePayloads.UsesCteProgramServices(year, oldShape);
        var status = Value("certificated program status", "Continuing");
        var pathway = Value("pathway", "Health Science");
        var school = Value("school", null);
        var areaDescriptors = new List<string>();
        foreach (var area in (Value("program area", "Health Science Education") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            areaDescriptors.Add(await sis.Sis.DescriptorAsync(year, "CteProgramAreaDescriptor", area));

        return UseCasePayloads.CteAssociation(
            sis.Student,
            new ProgramRef(Value("program type", "CTE")!, Value("program name", "Career and Technical Education")!),
            school is null ? sis.School : await sis.Sis.SchoolIdAsync(year, school),
            Value("begin date", null) is { } begin ? SisDriver.Date(begin) : sis.YearBegins,
            Value("end date", SisDriver.Iso(sis.YearEnds)) is { } end ? SisDriver.Date(end) : null,
            year,
            status is null ? null : await StatusDescriptorAsync(status),
            areaDescriptors,
            pathway is null ? null : await sis.Sis.DescriptorAsync(year, services ? "CteProgramServiceDescriptor" : "CareerPathwayDescriptor", pathway),
            Value("cip code", pathway is null ? null : "51.3902"),
            oldShape: oldShape);
    }
}
