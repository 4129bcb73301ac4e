using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>One journal entry, read for judging: which resource, which id, the parsed bodies and problem type.</summary>
public sealed class Exchange
{
    public Exchange(JournalEntry entry, WisCte.EdFi.Model.SchoolYear defaultYear)
    {
        Entry = entry;
        var path = entry.Path.Split('?')[0];
        Route = Route.Parse(path, defaultYear);
    }

    public JournalEntry Entry { get; }
    public Route Route { get; }
    public long Sequence => Entry.Sequence;
    public string Method => Entry.Method;
    public int Status => Entry.Status;
    public string? Resource => Route.Kind == RouteKind.Data ? Route.Resource : null;
    public string? Id => Route.Id;
    /// <summary>
    /// The request body, parsed when first asked for and kept. The judgement's own work (the final state) reads an
    /// accepted write through <see cref="Written"/>, which keeps no tree: a few rules read the bodies of a few resources.
    /// </summary>
    public JsonObject? Request => _request.Known ? _request.Body : (_request = (true, Parse(Entry.RequestBody) as JsonObject)).Body;

    private (bool Known, JsonObject? Body) _request;

    /// <summary>Whether the request body is a JSON object: known from <see cref="Written"/> without keeping the tree.</summary>
    private bool HasObjectBody => _written.Body is not null || Request is not null;

    /// <summary>The response body, parsed when first asked for (few rules read it: a refusal's problem, a token's life).</summary>
    public JsonNode? Response => _response.Known ? _response.Body : (_response = (true, Parse(Entry.ResponseBody) as JsonObject)).Body;

    private (bool Known, JsonNode? Body) _response;

    public string? ProblemType => Response?["type"]?.GetValue<string>();
    public bool IsToken => Route.Kind == RouteKind.Token;
    public bool IsData => Route.Kind == RouteKind.Data;
    public bool IsServerTrouble => Status is 0 or 429 or >= 500;
    public bool IsClientError => Status is >= 400 and < 500 and not 401 and not 429;

    /// <summary>A POST or PUT of a resource WISEdata accepted, with a body.</summary>
    public bool IsAcceptedWrite => IsWriteAccepted && HasObjectBody;

    /// <summary>A POST or PUT of a resource WISEdata accepted, whatever its body.</summary>
    internal bool IsWriteAccepted => IsData && Method is "POST" or "PUT" && Status is >= 200 and < 300;

    private (bool Known, FinalState.WrittenBody? Body) _written;

    /// <summary>
    /// The request body bound as the ODS binds it to its resource, as the final state keeps it: its natural key, compact
    /// form and references. Worked out once, by the judgement's pipeline (<see cref="ExchangePipeline"/>) before the
    /// exchange reaches the state, or by whichever rule asks first. Null when the resource is unknown or there is no body.
    /// </summary>
    internal FinalState.WrittenBody? Written(SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!_written.Known)
        {
            // The body is read without a tree and let go: the exchange keeps the compact form (a rule that reads the
            // body parses it, through Request).
            _written = (true, Resource is { } resource && schema.Find(resource) is { } resourceSchema ? Bind(schema, resourceSchema, Entry.RequestBody) : null);
        }
        return _written.Body;
    }

    private static FinalState.WrittenBody? Bind(SchemaCatalog catalog, ResourceSchema schema, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FinalState.WrittenBody.Of(catalog, schema, BodyBinder.Bind(schema.Root, document.RootElement))
                : null;
        }
    }

    /// <summary>The natural key of the request body (bound as the ODS binds it), or null when the resource is unknown or there is no body.</summary>
    public string? KeyOf(SchemaCatalog schema) => Written(schema)?.Key;

    /// <summary>The id a POST created or updated (from its Location header).</summary>
    public string? LocationId => Header(Entry.ResponseHeaders, "Location") is { } location ? location[(location.LastIndexOf('/') + 1)..] : null;

    /// <summary>A header by name without regard to case (the journal's headers are read back with the names as sent).</summary>
    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Method, path and body: what makes two requests "the same request".</summary>
    public string Signature => $"{Method} {Entry.Path}\n{Entry.RequestBody}";

    /// <summary>The validation messages of a refusal, "path: message".</summary>
    public IEnumerable<string> ValidationMessages =>
        (Response?["validationErrors"] as JsonObject ?? []).SelectMany(e => (e.Value as JsonArray ?? []).Select(m => $"{e.Key}: {m}"));

    public override string ToString() => $"#{Sequence} {Method} {Entry.Path} → {Status}";

    private static JsonNode? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
