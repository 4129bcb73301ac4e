using WisCte.EdFi.Model;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.EdFi;
using WisCte.ReferenceSis.Ledger;

namespace WisCte.ReferenceSis;

/// <summary>
/// The harness's own SIS (the reference SIS) within one run: it performs DPI's use cases exactly as DPI documents them,
/// against any WISEdata-like endpoint. Make one per scenario (its exchanges go to that scenario's recorder); they
/// share the run's ledger and its <see cref="ReferenceSisRun"/> (tokens, descriptor lists). Every record it creates is written to the run's ledger before it moves on; it names its fictional
/// students with the run id.
/// </summary>
public sealed class ReferenceSisScenario : IDisposable
{
    private readonly EdFiTarget _target;
    private readonly RunLedger _ledger;
    private readonly IExchangeRecorder _recorder;
    private readonly EdFiClientOptions? _options;
    private readonly ConcurrentDictionary<int, EdFiClient> _clients = new();
    private readonly ReferenceSisRun _run;
    private readonly bool _ownsRun;

    public ReferenceSisScenario(EdFiTarget target, RunLedger ledger, IExchangeRecorder recorder, EdFiClientOptions? options = null, ReferenceSisRun? run = null)
    {
        _target = target;
        _ownsRun = run is null;
        _run = run ?? new ReferenceSisRun(target);
        _ledger = ledger;
        _recorder = recorder;
        _options = options;
    }

    public string RunId => _ledger.RunId;

    /// <summary>The client for a school year's routes, made once per year.</summary>
    public EdFiClient For(SchoolYear year) =>
        _clients.GetOrAdd(year.EndYear, _ => new EdFiClient(_target.ForYear(year), _recorder, _options, sharedTokens: _run.Tokens(year)));

    /// <summary>A new fictional student id, marked with the run id, unique within the run.</summary>
    public string NewStudentId() => $"WC{RunId}{_ledger.NextNumber().ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>POSTs and, when the record is new (201), writes it to the ledger before returning.</summary>
    public async Task<EdFiResponse> SubmitAsync(SchoolYear year, string resource, JsonObject body, string description, CancellationToken cancellation = default)
    {
        var client = For(year);
        var response = await client.PostAsync(resource, body, cancellation).ConfigureAwait(false);
        if (response.Status == 201 && response.Id is { } id)
            _ledger.Add(_target.BaseUrl.ToString(), year.EndYear, resource, id, description);
        return response;
    }

    public Task<EdFiResponse> DeleteAsync(SchoolYear year, string resource, string id, CancellationToken cancellation = default) =>
        For(year).DeleteAsync(resource, id, cancellation);

    /// <summary>
    /// A descriptor value by DPI's words (short description, e.g. "Continuing") or code ("B"), read from the target's
    /// own descriptor endpoint for that year; a full URI ("…#X") is taken as it is.
    /// </summary>
    public async Task<string> DescriptorAsync(SchoolYear year, string type, string wordsOrCode, CancellationToken cancellation = default)
    {
        if (wordsOrCode.Contains('#', StringComparison.Ordinal))
            return wordsOrCode;
        var values = await DescriptorsAsync(year, type, cancellation).ConfigureAwait(false);
        var match = values.FirstOrDefault(v => Same(v["shortDescription"], wordsOrCode))
                    ?? values.FirstOrDefault(v => Same(v["codeValue"], wordsOrCode))
                    ?? values.FirstOrDefault(v => Same(v["description"], wordsOrCode))
                    ?? throw new InvalidOperationException(
                        $"The target has no {type} '{wordsOrCode}' in {year}. It has: {string.Join(", ", values.Select(v => $"{v["codeValue"]} ({v["shortDescription"]})"))}");
        return $"{match["namespace"]}#{match["codeValue"]}";
    }

    /// <summary>The section of a course (by its local title) at a school, found through the API as a vendor would.</summary>
    public async Task<Payloads.SectionRef> SectionAsync(SchoolYear year, string courseTitle, long schoolId, CancellationToken cancellation = default)
    {
        var client = For(year);
        var school = schoolId.ToString(CultureInfo.InvariantCulture);
        var offerings = await client.GetAsync("courseOfferings", $"localCourseTitle={Uri.EscapeDataString(courseTitle)}&schoolId={school}", cancellation).ConfigureAwait(false);
        var offering = (offerings.Json as JsonArray)?.FirstOrDefault()
                       ?? throw new InvalidOperationException($"No course offering '{courseTitle}' at school {school} in {year}: {offerings}");
        var code = offering["localCourseCode"]!.GetValue<string>();
        var session = offering["sessionReference"]!["sessionName"]!.GetValue<string>();
        var sections = await client.GetAsync("sections", $"localCourseCode={Uri.EscapeDataString(code)}&schoolId={school}&sessionName={Uri.EscapeDataString(session)}", cancellation).ConfigureAwait(false);
        var section = (sections.Json as JsonArray)?.FirstOrDefault()
                      ?? throw new InvalidOperationException($"No section of '{courseTitle}' ({code}) at school {school} in {year}: {sections}");
        return new Payloads.SectionRef(code, schoolId, year.EndYear, section["sectionIdentifier"]!.GetValue<string>(), session);
    }

    /// <summary>A school's id by its name.</summary>
    public async Task<long> SchoolIdAsync(SchoolYear year, string name, CancellationToken cancellation = default)
    {
        var response = await For(year).GetAsync("schools", $"nameOfInstitution={Uri.EscapeDataString(name)}", cancellation).ConfigureAwait(false);
        return (response.Json as JsonArray)?.FirstOrDefault()?["schoolId"]?.GetValue<long>()
               ?? throw new InvalidOperationException($"No school named '{name}' in {year}: {response}");
    }

    /// <summary>Asks for an L2 validation run (WISEdata's validation add-on), then reads the results for a student.</summary>
    public Task<IReadOnlyList<JsonObject>> ValidateAsync(SchoolYear year, string student, CancellationToken cancellation = default) =>
        ValidationResultsAsync(year, "studentUniqueId=" + Uri.EscapeDataString(student), cancellation);

    /// <summary>
    /// Runs the target's L2 validations, then reads the results a query selects (e.g. <c>code=WI-L2-16.1</c>). A target
    /// that does not run them or answers with no list fails here: "no such finding" must never come from a failed read.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ValidationResultsAsync(SchoolYear year, string resultsQuery, CancellationToken cancellation = default)
    {
        var client = For(year);
        var run = await client.SendAsync(HttpMethod.Get, "/validations/v1/ed-fi-xvalidations/validate", null, cancellation: cancellation).ConfigureAwait(false);
        if (!run.IsSuccess)
            throw new InvalidOperationException($"The target did not run its validations: {run}");
        var results = await client.SendAsync(HttpMethod.Get, "/validations/v1/ed-fi-xvalidations/validationResults?" + resultsQuery, null, cancellation: cancellation).ConfigureAwait(false);
        return results.IsSuccess && results.Json is JsonArray items
            ? [.. items.OfType<JsonObject>()]
            : throw new InvalidOperationException($"The target did not return its validation results: {results}");
    }

    private async Task<IReadOnlyList<JsonObject>> DescriptorsAsync(SchoolYear year, string type, CancellationToken cancellation)
    {
        if (_run.Descriptors.TryGetValue((year.EndYear, type), out var cached))
            return cached;
        var endpoint = char.ToLowerInvariant(type[0]) + type[1..] + "s";
        var response = await For(year).GetAsync(endpoint, "limit=500", cancellation).ConfigureAwait(false);
        IReadOnlyList<JsonObject> values = response.Json is JsonArray items ? [.. items.OfType<JsonObject>()] : [];
        if (values.Count > 0)
            _run.Descriptors[(year.EndYear, type)] = values;
        return values;
    }

    private static bool Same(JsonNode? node, string text) => node is JsonValue v && string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        if (_ownsRun)
            _run.Dispose();
    }
}
