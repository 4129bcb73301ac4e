using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.L2;

/// <summary>
/// A stored record as a validation run sees it: its resource id and body. The rules read a body with
/// <see cref="Read"/>: a <see cref="JsonDocument"/> over the record's UTF-8, which builds no tree, so that a district's
/// million records are read in seconds. A record held as UTF-8 (what a judgement's final state and an audit keep, so that
/// those records fit in memory) is never held as a tree.
/// </summary>
public sealed class L2Record
{
    private readonly JsonObject? _body;
    private byte[]? _utf8;

    public L2Record(string id, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        (Id, _body) = (id, body);
    }

    private L2Record(string id, byte[] utf8) => (Id, _utf8) = (id, utf8);

    /// <summary>A record held as its UTF-8 JSON (a JSON object).</summary>
    public static L2Record FromUtf8(string id, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new L2Record(id, utf8);
    }

    public string Id { get; }

    /// <summary>The body as a tree (a new one each time for a record held as UTF-8): for tests and one-off reads, not for rules.</summary>
    public JsonObject Body => _body ?? (JsonObject)JsonNode.Parse(_utf8!)!;

    /// <summary>The body, parsed for reading without a tree; dispose the document once read. Safe to call from several threads.</summary>
    public JsonDocument Read() => JsonDocument.Parse(_utf8 ??= JsonSerializer.SerializeToUtf8Bytes(_body));

    public override string ToString() => Id;
}

/// <summary>
/// The records of one LEA and school year, by resource endpoint name. The simulator gives its store; an audit gives
/// what it read from a real endpoint: the rules do not know which. The rules run at once, so <see cref="Records"/> may
/// be called from several threads.
/// </summary>
public interface IL2DataSet
{
    IReadOnlyList<L2Record> Records(string resource);
}

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <param name="Code">The harness's code (WI-L2-…); DPI's own four-digit codes only where a public DPI source confirms them.</param>
public sealed record ValidationResult(
    string Code,
    Severity Severity,
    string Message,
    string Resource,
    string? ResourceId,
    string? StudentUniqueId,
    long LocalEducationAgencyId,
    SchoolYear SchoolYear)
{
    /// <summary>One finding as JSON, the same wherever it is shown (the simulator's validation API, an audit's file).</summary>
    public JsonObject ToJson() => new()
    {
        ["ruleId"] = Code,
        ["severity"] = Severity.ToString(),
        ["message"] = Message,
        ["resourceType"] = Resource,
        ["resourceId"] = ResourceId,
        ["studentUniqueId"] = StudentUniqueId,
        ["localEducationAgencyId"] = LocalEducationAgencyId,
        ["schoolYear"] = SchoolYear.EndYear,
    };
}

public sealed record L2Context(IL2DataSet Data, long LocalEducationAgencyId, SchoolYear Year)
{
    /// <summary>The joins the rules share, indexed once per run (each index in one pass, when first asked for).</summary>
    public Roster Roster => LazyInitializer.EnsureInitialized(ref _roster, ref _rosterLock, () => new Roster(Data));

    private object? _rosterLock;

    private Roster? _roster;

    public ValidationResult Result(IL2Rule rule, string message, string resource, L2Record? record, string? studentUniqueId) =>
        new(rule.Code, rule.Severity, message, resource, record?.Id, studentUniqueId, LocalEducationAgencyId, Year);
}

/// <summary>A DPI data-quality rule run over stored data (L2): it flags, it never refuses.</summary>
public interface IL2Rule
{
    string Code { get; }
    Severity Severity { get; }

    /// <summary>The DPI page's use case (and line) the rule comes from, and any choice made where the page is silent.</summary>
    string Source { get; }

    IEnumerable<ValidationResult> Run(L2Context context);
}

/// <summary>DPI's L2 rules for CTE data.</summary>
public sealed class L2RuleSet(IReadOnlyList<IL2Rule> rules)
{
    public static L2RuleSet Dpi { get; } = new([
        new ParticipationWithoutCteAssociationRule(),
        new ConcentratorWithoutAreaOrPathwayRule(),
        new SingleParentStatusRule(),
        new CteParticipantRule(),
        new WblBefore2025Rule(),
        new DeprecatedCourseRule(),
        new MultipleCertificatedStatusesRule(),
    ]);

    public IReadOnlyList<IL2Rule> Rules { get; } = rules;

    /// <summary>
    /// Every rule's results, rule by rule in the set's order. The rules run at once on the machine's cores: each reads
    /// the data set on its own, and the joins they share (<see cref="L2Context.Roster"/>) are built once.
    /// </summary>
    public IReadOnlyList<ValidationResult> Run(L2Context context)
    {
        var results = new List<ValidationResult>[Rules.Count];
        Parallel.For(0, Rules.Count, i => results[i] = [.. Rules[i].Run(context)]);
        return [.. results.SelectMany(r => r)];
    }
}
