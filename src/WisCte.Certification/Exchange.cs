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
        Request = Parse(entry.RequestBody);
        Response = Parse(entry.ResponseBody);
        ProblemType = Response?["type"]?.GetValue<string>();
    }

    public JournalEntry Entry { get; }
    public Route Route { get; }
    public long Sequence => Entry.Sequence;
    public string Method => Entry.Method;
    public int Status => Entry.Status;
    public string? Resource => Route.Kind == RouteKind.Data ? Route.Resource : null;
    public string? Id => Route.Id;
    public JsonObject? Request { get; }
    public JsonNode? Response { get; }
    public string? ProblemType { get; }
    public bool IsToken => Route.Kind == RouteKind.Token;
    public bool IsData => Route.Kind == RouteKind.Data;
    public bool IsServerTrouble => Status is 0 or 429 or >= 500;
    public bool IsClientError => Status is >= 400 and < 500 and not 401 and not 429;

    /// <summary>A POST or PUT of a resource WISEdata accepted, with a body.</summary>
    public bool IsAcceptedWrite => IsData && Method is "POST" or "PUT" && Status is >= 200 and < 300 && Request is not null;

    private (bool Known, ResourceSchema? Schema, BindResult? Bound, string? Key) _binding;

    /// <summary>
    /// The request body bound as the ODS binds it to its resource, and its natural key: worked out once, by whichever of
    /// the final state and the rules asks first. Null when the resource is unknown or there is no body.
    /// </summary>
    public (BindResult Bound, string Key)? Binding(SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!_binding.Known)
        {
            _binding = Resource is { } resource && Request is { } body && schema.Find(resource) is { } resourceSchema
                ? Bind(resourceSchema, body)
                : (true, null, null, null);
        }
        return _binding.Bound is { } bound ? (bound, _binding.Key!) : null;
    }

    private FinalState.StoredForm? _form;

    /// <summary>
    /// An accepted write's binding and the form the final state keeps its body in: worked out once, by the judgement's
    /// pipeline (<see cref="ExchangePipeline"/>) before the exchange reaches the state. Null as for <see cref="Binding"/>.
    /// </summary>
    internal (BindResult Bound, string Key, FinalState.StoredForm Form)? Written(SchemaCatalog schema)
    {
        if (Binding(schema) is not { } written)
            return null;
        _form ??= FinalState.StoredForm.Of(_binding.Schema!, written.Bound.Document);
        return (written.Bound, written.Key, _form);
    }

    private static (bool, ResourceSchema?, BindResult?, string?) Bind(ResourceSchema schema, JsonObject body)
    {
        var bound = BodyBinder.Bind(schema.Root, body);
        return (true, schema, bound, NaturalKey.Of(schema, bound.Document));
    }

    /// <summary>The id a POST created or updated (from its Location header).</summary>
    public string? LocationId => Entry.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Location", StringComparison.OrdinalIgnoreCase)).Value?.Split('/')[^1];

    /// <summary>Method, path and body: what makes two requests "the same request".</summary>
    public string Signature => $"{Method} {Entry.Path}\n{Entry.RequestBody}";

    /// <summary>The validation messages of a refusal, "path: message".</summary>
    public IEnumerable<string> ValidationMessages =>
        (Response?["validationErrors"] as JsonObject ?? []).SelectMany(e => (e.Value as JsonArray ?? []).Select(m => $"{e.Key}: {m}"));

    public override string ToString() => $"#{Sequence} {Method} {Entry.Path} → {Status}";

    private static JsonObject? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
