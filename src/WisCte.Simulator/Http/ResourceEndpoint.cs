using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi.L1;
using WisCte.EdFi.Model;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;
using WisCte.Simulator.Store;

namespace WisCte.Simulator.Http;

/// <summary>
/// The Ed-Fi ODS/API's resource operations (read, query, upsert, update, delete; references, ETags, links), the same
/// for every resource, driven by its schema. The pipeline before it has authenticated the key, checked its claim on
/// the resource, and read the body.
/// </summary>
internal sealed class ResourceEndpoint(SimulatorState state, L1RuleSet rules)
{
    public SimResponse Handle(RequestContext context) => context.Operation switch
    {
        DataOperation.GetById => GetById(context, context.Resource!),
        DataOperation.GetMany => GetMany(context, context.Resource!),
        DataOperation.Delete => Delete(context, context.Resource!),
        _ => Write(context, context.Resource!),
    };

    // ---- reads ----

    private SimResponse GetById(RequestContext context, ResourceSchema resource)
    {
        var store = context.Store!;
        var document = Guid.TryParse(context.Route.Id, out var id) ? store.Atomically(s => s.ById(id)) : null;
        if (document is null || !document.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
            return context.Problem(EdFiProblem.NotFound("The specified item could not be found."));
        if (store.Atomically(s => Authorize(context, resource, document.Body, s, DataAction.Read)) is { } denied)
            return context.Problem(denied);

        var etag = Quote(document.ETag);
        if (context.Request.Header("If-None-Match") is { } ifNoneMatch && Unquote(ifNoneMatch) == document.ETag)
            return SimResponse.Empty(304, ("ETag", etag));
        var body = store.Atomically(s => Render(s, resource, document));
        return SimResponse.Json(200, body, ("ETag", etag));
    }

    private SimResponse GetMany(RequestContext context, ResourceSchema resource)
    {
        if (Paging.TryRead(context.Request, out var paging) is { } badPaging)
            return context.Problem(badPaging);
        if (ResourceQuery.TryRead(resource, context.Request, out var query) is { } badQuery)
            return context.Problem(badQuery);

        return context.Store!.Atomically(s =>
        {
            // The query's own filters first: they are cheap, the authorization walks the document's references.
            var reader = context.Client.LocalEducationAgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "?" + query.Key;
            var matches = s.Matching(resource.Endpoint, reader, d => query.Matches(d) && Authorize(context, resource, d.Body, s, DataAction.Read) is null);
            return paging.Answer(paging.PageOf(matches).Select(d => (JsonNode)Render(s, resource, d)), matches.Count);
        });
    }

    /// <summary>A stored item as the API returns it: its body, server fields, and the ODS's reference links.</summary>
    private JsonObject Render(YearStore store, ResourceSchema resource, StoredDocument document)
    {
        var body = document.ToResponse();
        ReferenceLinks.Add(state.Schema, store, resource, document, body);
        return body;
    }

    // ---- writes: one upsert for POST (by natural key) and PUT (by id) ----

    private SimResponse Write(RequestContext context, ResourceSchema resource)
    {
        Guid? id = null;
        if (context.Operation == DataOperation.Put)
        {
            if (!Guid.TryParse(context.Route.Id, out var itemId))
                return context.Problem(EdFiProblem.NotFound("Resource to update was not found."));
            id = itemId;
        }
        var document = Bind(context, resource, context.Body!);
        if (!document.IsValid)
            return context.Problem(EdFiProblem.DataValidationFailed(document.Errors));

        var result = context.Store!.Atomically(s => Upsert(s, context, resource, document, id));
        if (result.Problem is { } problem)
            return context.Problem(problem);
        var location = ("Location", Location(context, resource, result.Stored!));
        var etag = ("ETag", Quote(result.Stored!.ETag));
        return id is null ? SimResponse.Empty(result.Created ? 201 : 200, location, etag) : SimResponse.Empty(204, etag, location);
    }

    /// <summary>
    /// Inside the store's lock. A POST finds its item by natural key and creates it when there is none; a PUT finds it
    /// by id and may change its key where Ed-Fi allows it. Both then authorize as the ODS does (the existing item as it
    /// is read, a proposed one before it is written), resolve references and store.
    /// </summary>
    private WriteResult Upsert(YearStore s, RequestContext context, ResourceSchema resource, BindResult document, Guid? id)
    {
        var proposed = document.Document;
        var key = NaturalKey.Of(resource, proposed);
        StoredDocument? existing;
        if (id is { } itemId)
        {
            existing = s.ById(itemId);
            if (existing is null || !existing.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
                return WriteResult.Refused(EdFiProblem.NotFound("Resource to update was not found."));
            if (Authorize(context, resource, existing.Body, s, DataAction.Update) is { } denied)
                return WriteResult.Refused(denied);
            if (context.Request.Header("If-Match") is { } ifMatch && Unquote(ifMatch) != existing.ETag)
                return WriteResult.Refused(EdFiProblem.OptimisticLockFailed());
            if (key != existing.Key && !resource.AllowIdentityUpdates)
                return WriteResult.Refused(EdFiProblem.KeyChangeNotSupported(resource.ResourceName));
            if (Authorize(context, resource, proposed, s, DataAction.Update) is { } deniedProposed)
                return WriteResult.Refused(deniedProposed);
            if (key != existing.Key && s.ByKey(resource.Endpoint, key) is not null)
                return WriteResult.Refused(EdFiProblem.NonUniqueIdentity($"A {resource.ResourceName} with the identifying values ({NaturalKey.Display(key)}) already exists."));
        }
        else
        {
            if (Authorize(context, resource, proposed, s, DataAction.Create) is { } denied)
                return WriteResult.Refused(denied);
            existing = s.ByKey(resource.Endpoint, key);
            // An upsert of an existing item is an update of it.
            if (existing is not null && Authorize(context, resource, existing.Body, s, DataAction.Update) is { } deniedUpdate)
                return WriteResult.Refused(deniedUpdate);
        }
        if (ReferenceResolver.Resolve(state.Schema, s, document.References, out var references) is { } unresolved)
            return WriteResult.Refused(EdFiProblem.UnresolvedReference(ResourceNameOfReference(unresolved.ReferenceName)));

        var now = state.Time.GetUtcNow();
        if (existing is null)
        {
            var created = new StoredDocument
            {
                Id = Guid.NewGuid(),
                Resource = resource.Endpoint,
                Body = proposed,
                Key = key,
                ETag = s.NextETag(),
                LastModified = now,
                Sequence = s.NextSequence(),
                References = references,
            };
            s.Put(created);
            return WriteResult.Kept(created, created: true);
        }
        var unchanged = JsonNode.DeepEquals(existing.Body, proposed);
        var updated = existing with
        {
            Body = proposed,
            Key = key,
            ETag = unchanged ? existing.ETag : s.NextETag(),
            LastModified = unchanged ? existing.LastModified : now,
            References = references,
        };
        s.Put(updated);
        if (key != existing.Key)
            KeyCascade.Apply(state, s, resource, existing.Key, key, proposed, now);
        return WriteResult.Kept(updated, created: false);
    }

    private SimResponse Delete(RequestContext context, ResourceSchema resource)
    {
        if (!Guid.TryParse(context.Route.Id, out var id))
            return context.Problem(EdFiProblem.NotFound("Resource to delete was not found."));
        var problem = context.Store!.Atomically(s =>
        {
            var existing = s.ById(id);
            if (existing is null || !existing.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
                return EdFiProblem.NotFound("Resource to delete was not found.");
            if (Authorize(context, resource, existing.Body, s, DataAction.Delete) is { } denied)
                return denied;
            if (context.Request.Header("If-Match") is { } ifMatch && Unquote(ifMatch) != existing.ETag)
                return EdFiProblem.OptimisticLockFailed();
            if (s.ReferencesTo(resource.Endpoint, existing.Key) is [var dependent, ..])
                return EdFiProblem.DependentItemExists(state.Schema.Find(dependent.Resource)?.ResourceName ?? dependent.Resource);
            s.Remove(id);
            return null;
        });
        return problem is null ? SimResponse.Empty(204) : context.Problem(problem);
    }

    /// <summary>Binds the body as the ODS does, then checks key unification, descriptors for the school year and DPI's L1 rules.</summary>
    private BindResult Bind(RequestContext context, ResourceSchema resource, JsonObject body)
    {
        // A body read back from a GET carries the server's reference links: they are not data, so never stored.
        ReferenceLinks.Strip(resource.Root, body);
        var result = BodyBinder.Bind(resource.Root, body);
        KeyUnification.Check(resource, result);
        state.Descriptors.Check(result, context.Year);
        // DPI's rules run even when binding found problems: a refused record should list every reason at once.
        if (state.Options.Profile == SimulatorProfile.Wisedata)
        {
            foreach (var violation in rules.Check(new L1Request(resource.Endpoint, result.Document, context.Year, new ReferenceData(state))))
                result.AddError(violation.Path, violation.ToString());
        }
        return result;
    }

    private static string ResourceNameOfReference(string referenceName) =>
        referenceName.EndsWith("Reference", StringComparison.Ordinal) ? referenceName[..^"Reference".Length] : referenceName;

    /// <summary>
    /// Null when the key may do the action to the record: in WISEdata, the ODS's relationship-based authorization of
    /// a SIS key (its LEA's education organizations, and the student's enrolment at one of its schools; see
    /// <see cref="RelationshipAuthorization"/>), DPI's reference data readable by all; a plain ODS sandbox key may do
    /// anything. Inside the store's lock.
    /// </summary>
    private EdFiProblem? Authorize(RequestContext context, ResourceSchema resource, JsonObject body, YearStore store, DataAction action) =>
        state.Options.Profile != SimulatorProfile.Wisedata || resource.IsOwnedByDpi
            ? null
            : RelationshipAuthorization.Authorize(context.Client.LocalEducationAgencyId, resource, body, store, action);

    private static string Quote(string etag) => $"\"{etag}\"";

    private static string Unquote(string etag) => etag.Trim().Trim('"');

    private static string Location(RequestContext context, ResourceSchema resource, StoredDocument document) =>
        $"{context.Request.Origin}{YearPrefix(context)}/data/v3/{context.Route.Schema!.ToLowerInvariant()}/{resource.Endpoint}/{document.IdText}";

    /// <summary>"/2026" when the request named its school year in the path, so a Location is used as it came.</summary>
    internal static string YearPrefix(RequestContext context)
    {
        var year = context.Year.EndYear.ToString(CultureInfo.InvariantCulture);
        return context.Request.Path.TrimStart('/').StartsWith(year, StringComparison.Ordinal) ? "/" + year : "";
    }

    private sealed record WriteResult(StoredDocument? Stored, bool Created, EdFiProblem? Problem)
    {
        public static WriteResult Kept(StoredDocument document, bool created) => new(document, created, null);

        public static WriteResult Refused(EdFiProblem problem) => new(null, false, problem);
    }

    private sealed class ReferenceData(SimulatorState state) : IDpiReferenceData
    {
        public bool IsChoiceSchool(long educationOrganizationId) => state.ChoiceSchools.ContainsKey(educationOrganizationId);
    }
}
