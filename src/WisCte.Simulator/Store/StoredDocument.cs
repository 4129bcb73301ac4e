using System.Text.Json.Nodes;

namespace WisCte.Simulator.Store;

/// <summary>One stored resource item. Immutable: an update stores a new instance, so readers never see half a write.</summary>
internal sealed record StoredDocument
{
    public required Guid Id { get; init; }
    public required string Resource { get; init; }

    /// <summary>The body as bound (canonical property names and descriptor spellings), without id, _etag, _lastModifiedDate.</summary>
    public required JsonObject Body { get; init; }

    /// <summary>The natural key, normalised (see <see cref="NaturalKey"/>).</summary>
    public required string Key { get; init; }

    public required string ETag { get; init; }
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Insertion order, for stable paging.</summary>
    public required long Sequence { get; init; }

    /// <summary>Resource and natural key of every item this one references: what a delete must check.</summary>
    public IReadOnlyList<(string Resource, string Key)> References { get; init; } = [];

    /// <summary>The id as the ODS writes it: 32 hex digits, no dashes.</summary>
    public string IdText => Id.ToString("N");

    /// <summary>The body as a GET returns it: id, the stored body, _etag and _lastModifiedDate.</summary>
    public JsonObject ToResponse()
    {
        var response = new JsonObject { ["id"] = IdText };
        foreach (var (key, value) in Body)
            response[key] = value?.DeepClone();
        response["_etag"] = ETag;
        response["_lastModifiedDate"] = LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }
}
