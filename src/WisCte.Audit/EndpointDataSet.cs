using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using WisCte.Dpi.L2;
using WisCte.EdFi;

namespace WisCte.Audit;

/// <summary>
/// Records read from an Ed-Fi endpoint, every page of each resource, as DPI's L2 rules read them. Only GETs: an
/// audit never writes. Asking for a resource that was not read is a harness bug, and fails loudly rather than
/// letting a rule see an empty list and pass.
/// </summary>
public sealed class EndpointDataSet : IL2DataSet
{
    /// <summary>Ed-Fi's default maximum page size.</summary>
    public const int MaximumPageSize = 500;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<L2Record>> _records;

    private EndpointDataSet(IReadOnlyDictionary<string, IReadOnlyList<L2Record>> records) => _records = records;

    /// <summary>How many records were read, per resource, in the order they were read.</summary>
    public IReadOnlyList<(string Resource, int Count)> Counts => [.. _records.Select(r => (r.Key, r.Value.Count))];

    public IReadOnlyList<L2Record> Records(string resource) =>
        _records.TryGetValue(resource, out var records)
            ? records
            : throw new InvalidOperationException($"The audit did not read '{resource}', which a DPI rule needs: add it to {nameof(LeaAudit)}.{nameof(LeaAudit.Resources)}.");

    /// <summary>Resources read at once: the endpoint serves several, and one resource's pages follow each other.</summary>
    public const int Concurrency = 4;

    /// <summary>
    /// Every page of each resource, up to <see cref="Concurrency"/> resources at a time (each page parsed as it arrives,
    /// the client backing off on 429/503); the first resource that cannot be read completely stops the audit.
    /// </summary>
    public static async Task<EndpointDataSet> ReadAsync(EdFiClient client, IEnumerable<string> resources, int pageSize = MaximumPageSize, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaximumPageSize);
        var names = resources.ToList();
        var read = new List<L2Record>[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellation },
            async (i, token) => read[i] = await ReadAllAsync(client, names[i], pageSize, token).ConfigureAwait(false)).ConfigureAwait(false);
        // In the order asked for, whatever order the reads finished in.
        var records = new Dictionary<string, IReadOnlyList<L2Record>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
            records[names[i]] = read[i];
        return new EndpointDataSet(records);
    }

    /// <summary>Offset paging until a short page, as Ed-Fi clients page (no Total-Count needed).</summary>
    private static async Task<List<L2Record>> ReadAllAsync(EdFiClient client, string resource, int pageSize, CancellationToken cancellation)
    {
        var records = new List<L2Record>();
        for (var offset = 0; ; offset += pageSize)
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"offset={offset}&limit={pageSize}");
            var response = await client.GetAsync(resource, query, cancellation).ConfigureAwait(false);
            if (response.Status != 200)
            {
                var problem = response.Problem is { } p ? $" ({p.Detail ?? p.Title ?? p.Type})" : "";
                throw new AuditReadException(resource, offset, $"GET {resource} (offset {offset}) answered {response.Status}{problem}.");
            }
            var page = Page(resource, offset, response.Body);
            records.AddRange(page);
            if (page.Count < pageSize)
                return records;
        }
    }

    /// <summary>
    /// A page's records, each kept as its own UTF-8 JSON (parsed again when a rule reads it): a district's million records
    /// fit in memory as bytes, not as JSON trees.
    /// </summary>
    private static List<L2Record> Page(string resource, int offset, string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new AuditReadException(resource, offset, $"GET {resource} (offset {offset}) answered 200 but not JSON: {ex.Message}", ex);
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
                throw new AuditReadException(resource, offset, $"GET {resource} (offset {offset}) answered 200 but not a JSON array of records.");
            var page = new List<L2Record>(json.RootElement.GetArrayLength());
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                    throw new AuditReadException(resource, offset, $"GET {resource} (offset {offset}) returned an item that is not a record with an id.");
                page.Add(L2Record.FromUtf8(id.GetString()!, JsonMarshal.GetRawUtf8Value(item).ToArray()));
            }
            return page;
        }
    }
}

/// <summary>A resource could not be read completely: the audit stops, because rules over part of the data would mislead.</summary>
public sealed class AuditReadException(string resource, int offset, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Resource { get; } = resource;
    public int Offset { get; } = offset;
}
