using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.Json;
using WisCte.Dpi.Rules;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>
/// /data/v3/{schema}/{resource}[/{id}]: the Ed-Fi ODS/API's resource behaviour (upsert, read, query, update, delete,
/// references, descriptors, ETags, problem details), the same for every resource, driven by its schema.
/// </summary>
public sealed class DataEndpoint(SimulatorState state, L1RuleSet rules)
{
    private const string CollectionsCannotBeReplaced = "Resource collections cannot be replaced. To \"upsert\" an item in the collection, use POST. To update a specific item, use PUT and include the \"id\" in the route.";
    private const string CollectionsCannotBeDeleted = "Resource collections cannot be deleted. To delete a specific item, use DELETE and include the \"id\" in the route.";
    private const string ItemsOnlyByPut = "Resource items can only be updated using PUT. To \"upsert\" an item in the resource collection using POST, remove the \"id\" from the route.";
    private static readonly string[] PagingParameters = ["offset", "limit", "totalCount", "correlationId"];
    private static readonly string[] DescriptorQueryFields = ["codeValue", "namespace", "shortDescription", "id"];

    public (SimResponse Response, string? ClientId) Handle(SimRequest request, Route route, string correlationId)
    {
        if (route.Year is not { } year || state.Year(year) is not { } store)
            return (EdFiProblem.NotFound($"School year {route.Year?.ToString() ?? "in the route"} is not served here.").ToResponse(correlationId), null);

        var (token, authProblem) = Authenticate(request, year);
        if (authProblem is not null)
            return (authProblem.ToResponse(correlationId), token?.Client.ClientId);
        var context = new RequestContext(request, route, year, store, token!.Client, correlationId);

        var problem = Dispatch(context, out var response);
        return (problem?.ToResponse(correlationId) ?? response!, token.Client.ClientId);
    }

    private EdFiProblem? Dispatch(RequestContext context, out SimResponse? response)
    {
        response = null;
        var route = context.Route;
        if (route.Rest is not null || route.Schema is null || route.Resource is null
            || !(route.Schema.Equals("ed-fi", StringComparison.OrdinalIgnoreCase) || route.Schema.Equals("wi", StringComparison.OrdinalIgnoreCase)))
            return EdFiProblem.NotFound("The specified data could not be found.");

        if (state.Schema.Find(route.Resource) is { } resource)
            return DispatchResource(context, resource, out response);
        if (state.Descriptors.TypeOfEndpoint(route.Resource) is { } descriptorType)
            return DispatchDescriptor(context, descriptorType, out response);
        return EdFiProblem.NotFound("The specified data could not be found.");
    }

    private EdFiProblem? DispatchResource(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        var hasId = context.Route.Id is not null;
        switch (context.Request.Method.ToUpperInvariant())
        {
            case "GET" when hasId:
                return GetById(context, resource, out response);
            case "GET":
                return GetMany(context, resource, out response);
            case "POST" when hasId:
                return EdFiProblem.MethodNotAllowed(ItemsOnlyByPut);
            case "POST":
                return Post(context, resource, out response);
            case "PUT" when hasId:
                return Put(context, resource, out response);
            case "PUT":
                return EdFiProblem.MethodNotAllowed(CollectionsCannotBeReplaced);
            case "DELETE" when hasId:
                return Delete(context, resource, out response);
            case "DELETE":
                return EdFiProblem.MethodNotAllowed(CollectionsCannotBeDeleted);
            default:
                return EdFiProblem.MethodNotAllowed($"The endpoint of the request does not support the '{context.Request.Method.ToUpperInvariant()}' method.");
        }
    }

    // ---- reads ----

    private EdFiProblem? GetById(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        var document = Guid.TryParse(context.Route.Id, out var id)
            ? context.Store.Atomically(s => s.ById(id)) : null;
        if (document is null || !document.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
            return EdFiProblem.NotFound("The specified item could not be found.");
        if (!IsReadOnly(resource) && context.Store.Atomically(s => Authorize(context.Client, resource, document.Body, s, DataAction.Read)) is { } denied)
            return denied;

        var etag = Quote(document.ETag);
        if (context.Request.Header("If-None-Match") is { } ifNoneMatch && Unquote(ifNoneMatch) == document.ETag)
        {
            response = SimResponse.Empty(304, ("ETag", etag));
            return null;
        }
        var body = document.ToResponse();
        context.Store.Atomically(s => AddLinks(s, resource, document, body));
        response = SimResponse.Json(200, body, ("ETag", etag));
        return null;
    }

    private EdFiProblem? GetMany(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        if (!TryPaging(context.Request, out var offset, out var limit, out var totalCount, out var pagingProblem))
            return pagingProblem;

        var fields = QueryableFields(resource);
        var filters = new List<(string Path, PropertySchema Property, string Value)>();
        foreach (var (name, value) in context.Request.Query)
        {
            if (PagingParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                continue;
            // The ODS binds the query string to the resource's request model: a key it does not know is not bound.
            if (!fields.TryGetValue(name, out var field))
                continue;
            if (!IsValidQueryValue(field.Property, value))
                return EdFiProblem.ParameterValidationFailed($"The value '{value}' is not valid for {BodyBinder.Pascal(field.Property.Name)}.");
            filters.Add((field.Path == "id" ? "id" : "$." + field.Path, field.Property, value));
        }

        var matches = context.Store.Atomically(s => s.All(resource.Endpoint)
            // The query's own filters first: they are cheap, the authorization walks the document's references.
            .Where(d => filters.All(f => FilterMatches(d, f.Path, f.Value)))
            .Where(d => resource.IsOwnedByDpi || Authorize(context.Client, resource, d.Body, s, DataAction.Read) is null)
            .ToList());

        var page = matches.Skip(offset).Take(limit).Select(d => (Document: d, Body: d.ToResponse())).ToList();
        context.Store.Atomically(s =>
        {
            foreach (var (document, body) in page)
                AddLinks(s, resource, document, body);
            return 0;
        });
        response = SimResponse.Json(200, new JsonArray([.. page.Select(p => (JsonNode?)p.Body)]));
        if (totalCount)
            response = response.WithHeader("Total-Count", matches.Count.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    private static bool TryPaging(SimRequest request, out int offset, out int limit, out bool totalCount, out EdFiProblem? problem)
    {
        offset = 0;
        limit = 25;
        totalCount = false;
        problem = null;
        if (request.QueryValue("offset") is { } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            problem = EdFiProblem.ParameterValidationFailed("Offset must be a numeric value greater than or equal to 0.");
        else if (request.QueryValue("limit") is { } l && (!int.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit) || limit is < 0 or > 500))
            problem = EdFiProblem.ParameterValidationFailed("Limit must be a value between 0 and 500.");
        else if (request.QueryValue("totalCount") is { } t && !bool.TryParse(t, out totalCount))
            problem = EdFiProblem.ParameterValidationFailed("TotalCount must be a boolean value.");
        return problem is null;
    }

    /// <summary>
    /// Query-by-example names, as the ODS's flattened columns: top-level values, then the members of top-level
    /// references under their <see cref="PropertySchema.QueryName"/> (the role-prefixed column,
    /// <c>programEducationOrganizationId</c>) or, without one, their own name. Where two references' members share a
    /// name and neither has a query name, the first reference's member is the one queried.
    /// </summary>
    private static Dictionary<string, (string Path, PropertySchema Property)> QueryableFields(ResourceSchema resource)
    {
        var fields = new Dictionary<string, (string, PropertySchema)>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = ("id", new PropertySchema { Name = "id", Type = "string" }),
        };
        var references = new List<PropertySchema>();
        foreach (var property in resource.Root.Properties.Values)
        {
            if (property.IsObject && property.ReferenceName is not null)
                references.Add(property);
            else if (!property.IsObject && !property.IsArray)
                fields[property.QueryName ?? property.Name] = (property.Name, property);
        }
        // A member's own query name first, so that a plain name a role-named member gave up goes to the member that keeps it.
        foreach (var reference in references)
        {
            foreach (var member in reference.Properties.Values.Where(m => m.QueryName is not null))
                fields.TryAdd(member.QueryName!, ($"{reference.Name}.{member.Name}", member));
        }
        foreach (var reference in references)
        {
            foreach (var member in reference.Properties.Values.Where(m => m.QueryName is null))
                fields.TryAdd(member.Name, ($"{reference.Name}.{member.Name}", member));
        }
        // The members of an identification-code collection: a record matches when one of its codes does.
        foreach (var collection in resource.Root.Properties.Values.Where(p => p.IsArray && p.Items is not null))
        {
            foreach (var member in collection.Items!.Properties.Values.Where(m => m.QueryName is not null))
                fields.TryAdd(member.QueryName!, ($"{collection.Name}[].{member.Name}", member));
        }
        return fields;
    }

    /// <summary>A filter's value in a stored body: one value, or each item's for a collection member (<c>identificationCodes[].identificationCode</c>).</summary>
    private static bool FilterMatches(StoredDocument document, string path, string expected)
    {
        if (path == "id")
            return Matches(JsonValue.Create(document.IdText), expected);
        var items = path.IndexOf("[].", StringComparison.Ordinal);
        if (items < 0)
            return Matches(JsonPath.Get(document.Body, path), expected);
        var member = path[(items + 3)..];
        return JsonPath.Get(document.Body, path[..items]) is JsonArray array && array.Any(item => item is JsonObject o && Matches(o[member], expected));
    }

    private static bool IsValidQueryValue(PropertySchema property, string value) => property.Type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        "boolean" => bool.TryParse(value, out _),
        _ when property.Format == "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static bool Matches(JsonNode? actual, string expected) => actual switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.Equals(v.GetValue<string>(), expected, StringComparison.OrdinalIgnoreCase),
        JsonValue v => string.Equals(v.ToJsonString(), expected, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    // ---- writes ----

    private EdFiProblem? Post(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        if (ParseBody(context.Request, out var body) is { } parseProblem)
            return parseProblem;
        if (body!.Any(p => p.Key.Equals("id", StringComparison.OrdinalIgnoreCase)))
            return EdFiProblem.BadRequest("Resource identifiers cannot be assigned by the client. The 'id' property should not be included in the request body.");
        if (IsReadOnly(resource))
            return DpiOwned(resource);
        if (Prepare(context, resource, body!, out var document) is { } invalid)
            return invalid;
        if (context.Store.Atomically(s => Authorize(context.Client, resource, document!.Document, s, DataAction.Create)) is { } denied)
            return denied;

        var now = state.Time.GetUtcNow();
        EdFiProblem? problem = null;
        var (stored, created) = context.Store.Atomically(s =>
        {
            var key = NaturalKey.Of(resource, document!.Document);
            if (ResolveReferences(s, document.References, out var references) is { } unresolved)
            {
                problem = unresolved;
                return (null!, false);
            }
            if (s.ByKey(resource.Endpoint, key) is { } existing)
            {
                // An upsert of an existing item is an update of it.
                if (Authorize(context.Client, resource, existing.Body, s, DataAction.Update) is { } deniedUpdate)
                {
                    problem = deniedUpdate;
                    return (null!, false);
                }
                var unchanged = JsonNode.DeepEquals(existing.Body, document.Document);
                var updated = existing with
                {
                    Body = document.Document,
                    ETag = unchanged ? existing.ETag : s.NextETag(),
                    LastModified = unchanged ? existing.LastModified : now,
                    References = references,
                };
                s.Put(updated);
                return (updated, false);
            }
            var fresh = new StoredDocument
            {
                Id = Guid.NewGuid(),
                Resource = resource.Endpoint,
                Body = document.Document,
                Key = key,
                ETag = s.NextETag(),
                LastModified = now,
                Sequence = s.NextSequence(),
                References = references,
            };
            s.Put(fresh);
            return (fresh, true);
        });
        if (problem is not null)
            return problem;

        response = SimResponse.Empty(created ? 201 : 200, ("Location", Location(context, resource, stored)), ("ETag", Quote(stored.ETag)));
        return null;
    }

    private EdFiProblem? Put(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        if (!Guid.TryParse(context.Route.Id, out var id))
            return EdFiProblem.NotFound("Resource to update was not found.");
        if (ParseBody(context.Request, out var body) is { } parseProblem)
            return parseProblem;
        if (IsReadOnly(resource))
            return DpiOwned(resource);
        if (Prepare(context, resource, body!, out var document) is { } invalid)
            return invalid;

        var now = state.Time.GetUtcNow();
        EdFiProblem? problem = null;
        var stored = context.Store.Atomically(s =>
        {
            var existing = s.ById(id);
            if (existing is null || !existing.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
                return Fail(EdFiProblem.NotFound("Resource to update was not found."));
            // As the ODS: the existing item is authorized as it is read, the proposed one after the key-change check.
            if (Authorize(context.Client, resource, existing.Body, s, DataAction.Update) is { } denied)
                return Fail(denied);
            if (context.Request.Header("If-Match") is { } ifMatch && Unquote(ifMatch) != existing.ETag)
                return Fail(EdFiProblem.OptimisticLockFailed());

            var key = NaturalKey.Of(resource, document!.Document);
            if (key != existing.Key && !resource.AllowIdentityUpdates)
                return Fail(EdFiProblem.KeyChangeNotSupported(resource.ResourceName));
            if (Authorize(context.Client, resource, document.Document, s, DataAction.Update) is { } deniedProposed)
                return Fail(deniedProposed);
            if (key != existing.Key && s.ByKey(resource.Endpoint, key) is not null)
                return Fail(EdFiProblem.NonUniqueIdentity($"A {resource.ResourceName} with the identifying values ({NaturalKey.Display(key)}) already exists."));
            if (ResolveReferences(s, document.References, out var references) is { } unresolved)
                return Fail(unresolved);

            var unchanged = JsonNode.DeepEquals(existing.Body, document.Document);
            var updated = existing with
            {
                Body = document.Document,
                Key = key,
                ETag = unchanged ? existing.ETag : s.NextETag(),
                LastModified = unchanged ? existing.LastModified : now,
                References = references,
            };
            s.Put(updated);
            if (key != existing.Key)
                KeyCascade.Apply(state, s, resource, existing.Key, key, document.Document, now);
            return updated;

            StoredDocument Fail(EdFiProblem p)
            {
                problem = p;
                return null!;
            }
        });
        if (problem is not null)
            return problem;
        response = SimResponse.Empty(204, ("ETag", Quote(stored.ETag)), ("Location", Location(context, resource, stored)));
        return null;
    }

    private EdFiProblem? Delete(RequestContext context, ResourceSchema resource, out SimResponse? response)
    {
        response = null;
        if (!Guid.TryParse(context.Route.Id, out var id))
            return EdFiProblem.NotFound("Resource to delete was not found.");
        EdFiProblem? problem = context.Store.Atomically(s =>
        {
            var existing = s.ById(id);
            if (existing is null || !existing.Resource.Equals(resource.Endpoint, StringComparison.OrdinalIgnoreCase))
                return EdFiProblem.NotFound("Resource to delete was not found.");
            if (IsReadOnly(resource))
                return DpiOwned(resource);
            if (Authorize(context.Client, resource, existing.Body, s, DataAction.Delete) is { } denied)
                return denied;
            if (context.Request.Header("If-Match") is { } ifMatch && Unquote(ifMatch) != existing.ETag)
                return EdFiProblem.OptimisticLockFailed();
            if (s.ReferencesTo(resource.Endpoint, existing.Key) is [var dependent, ..])
                return EdFiProblem.DependentItemExists(ResourceNameOf(dependent.Resource));
            s.Remove(id);
            return null;
        });
        if (problem is not null)
            return problem;
        response = SimResponse.Empty(204);
        return null;
    }

    // ---- descriptors (DPI's reference data: read-only to SIS clients) ----

    private EdFiProblem? DispatchDescriptor(RequestContext context, string type, out SimResponse? response)
    {
        response = null;
        var method = context.Request.Method.ToUpperInvariant();
        if (method == "POST" && context.Route.Id is null && state.Options.Profile == SimulatorProfile.EdFiOds)
            return PostDescriptor(context, type, out response);
        if (method is "POST" or "PUT" or "DELETE")
            return EdFiProblem.Authorization(
                "Access to the requested data could not be authorized.",
                $"Descriptors are DPI's reference data: a SIS client cannot change {type} values.");
        if (method != "GET")
            return EdFiProblem.MethodNotAllowed($"The endpoint of the request does not support the '{method}' method.");

        var values = state.Descriptors.OfType(type, context.Year).Select(DescriptorJson).ToList();
        if (context.Route.Id is { } id)
        {
            var match = values.FirstOrDefault(v => string.Equals(v["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                return EdFiProblem.NotFound("The specified item could not be found.");
            response = SimResponse.Json(200, match);
            return null;
        }
        if (!TryPaging(context.Request, out var offset, out var limit, out var totalCount, out var pagingProblem))
            return pagingProblem;
        foreach (var (name, value) in context.Request.Query.Where(q => !PagingParameters.Contains(q.Key, StringComparer.OrdinalIgnoreCase)))
        {
            // As for resources: a key the descriptor's request model does not have is not bound, so not a filter.
            if (DescriptorQueryFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } field)
                continue;
            values = [.. values.Where(v => Matches(v[field], value))];
        }
        response = SimResponse.Json(200, new JsonArray([.. values.Skip(offset).Take(limit).Select(v => (JsonNode?)v)]));
        if (totalCount)
            response = response.WithHeader("Total-Count", values.Count.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>A plain ODS takes new descriptor values from a sandbox key; WISEdata's are DPI's alone.</summary>
    private EdFiProblem? PostDescriptor(RequestContext context, string type, out SimResponse? response)
    {
        response = null;
        if (ParseBody(context.Request, out var body) is { } parseProblem)
            return parseProblem;
        var result = BodyBinder.Bind(state.Schema.DescriptorShape, body!);
        if (!result.IsValid)
            return EdFiProblem.DataValidationFailed(result.Errors);
        var document = result.Document;
        var value = new DescriptorValue(type, document["namespace"]!.GetValue<string>(), document["codeValue"]!.GetValue<string>(),
            document["shortDescription"]!.GetValue<string>(), document["description"]?.GetValue<string>(), null, null);
        var created = state.Descriptors.TryAdd(value);
        var yearPrefix = context.Request.Path.TrimStart('/').StartsWith(context.Year.EndYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? "/" + context.Year.EndYear.ToString(CultureInfo.InvariantCulture) : "";
        var location = $"{context.Request.Origin}{yearPrefix}/data/v3/ed-fi/{context.Route.Resource}/{DescriptorId(value)}";
        response = SimResponse.Empty(created ? 201 : 200, ("Location", location));
        return null;
    }

    private static JsonObject DescriptorJson(DescriptorValue value) => new()
    {
        ["id"] = DescriptorId(value),
        ["codeValue"] = value.CodeValue,
        ["namespace"] = value.Namespace,
        ["shortDescription"] = value.ShortDescription,
        ["description"] = value.Description,
    };

    /// <summary>Stable per value, so an id read once stays valid for the run.</summary>
    private static string DescriptorId(DescriptorValue value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value.Uri.ToUpperInvariant())).AsSpan(0, 16));

    // ---- shared steps ----

    private (IssuedToken? Token, EdFiProblem? Problem) Authenticate(SimRequest request, SchoolYear year)
    {
        var header = request.Header("Authorization");
        if (header is null)
            return (null, EdFiProblem.Authentication("Authorization header is missing."));
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return (null, EdFiProblem.Authentication("Unknown Authorization header scheme."));
        if (parts.Length == 1)
            return (null, EdFiProblem.Authentication("Missing Authorization header bearer token value."));
        if (parts.Length > 2)
            return (null, EdFiProblem.Authentication("Invalid Authorization header."));
        return state.Tokens.Validate(parts[1], year) is { } token
            ? (token, null)
            : (state.Tokens.Peek(parts[1]), EdFiProblem.Authentication("Invalid token"));
    }

    private EdFiProblem? ParseBody(SimRequest request, out JsonObject? body)
    {
        body = null;
        var text = request.Body ?? "";
        if (text.Length > state.Options.MaxBodyBytes)
            return EdFiProblem.PayloadTooLarge(state.Options.MaxBodyBytes);
        if (request.Header("Content-Type") is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return EdFiProblem.UnsupportedMediaType($"The content type '{contentType}' is not supported: send application/json.");
        if (string.IsNullOrWhiteSpace(text))
            return EdFiProblem.BadRequest("The request body is empty: a JSON object is expected.");
        var parsed = JsonText.Parse(text);
        if (parsed.Node is not JsonObject obj)
            return EdFiProblem.BadRequest(parsed.Error is null ? "The request body must be a JSON object." : $"The request body is {parsed.Error}.");
        body = obj;
        return null;
    }

    /// <summary>Binds the body, checks its descriptors for the school year and DPI's L1 rules.</summary>
    private EdFiProblem? Prepare(RequestContext context, ResourceSchema resource, JsonObject body, out BindResult? result)
    {
        // A body read back from a GET carries the server's reference links: they are not data, so never stored.
        ReferenceLinks.Strip(resource.Root, body);
        result = BodyBinder.Bind(resource.Root, body);
        KeyUnification.Check(resource, result);
        state.Descriptors.Check(result, context.Year);
        // DPI's rules run even when binding found problems: a refused record should list every reason at once.
        if (state.Options.Profile == SimulatorProfile.Wisedata)
        {
            foreach (var violation in rules.Check(new L1Request(resource.Endpoint, result.Document, context.Year, new ReferenceData(state))))
                result.AddError(violation.Path, violation.ToString());
        }
        return result.IsValid ? null : EdFiProblem.DataValidationFailed(result.Errors);
    }

    private EdFiProblem? ResolveReferences(YearStore store, IReadOnlyList<ReferenceUse> uses, out IReadOnlyList<(string, string)> resolved) =>
        ReferenceResolver.Resolve(state.Schema, store, uses, out resolved) is { } unresolved
            ? EdFiProblem.UnresolvedReference(unresolved.ReferenceName.EndsWith("Reference", StringComparison.Ordinal) ? unresolved.ReferenceName[..^"Reference".Length] : unresolved.ReferenceName)
            : null;

    /// <summary>The ODS's reference links, on a response body only (inside the store's lock).</summary>
    private int AddLinks(YearStore store, ResourceSchema resource, StoredDocument document, JsonObject body)
    {
        ReferenceLinks.Add(state.Schema, store, resource, document, body);
        return 0;
    }

    /// <summary>DPI's reference data is read-only to SIS keys in WISEdata; a plain ODS sandbox key writes everything.</summary>
    private bool IsReadOnly(ResourceSchema resource) => state.Options.Profile == SimulatorProfile.Wisedata && resource.IsOwnedByDpi;

    /// <summary>
    /// Null when the key may do the action to the record: in WISEdata, the ODS's relationship-based authorization of
    /// a SIS key (its LEA's education organizations, and the student's enrolment at one of its schools; see
    /// <see cref="RelationshipAuthorization"/>); a plain ODS sandbox key may do anything. Inside the store's lock.
    /// </summary>
    private EdFiProblem? Authorize(ApiClient client, ResourceSchema resource, JsonObject body, YearStore store, DataAction action) =>
        state.Options.Profile != SimulatorProfile.Wisedata
            ? null
            : RelationshipAuthorization.Authorize(client.LocalEducationAgencyId, resource, body, store, action);

    private string ResourceNameOf(string endpoint) => state.Schema.Find(endpoint)?.ResourceName ?? endpoint;

    private static EdFiProblem DpiOwned(ResourceSchema resource) =>
        EdFiProblem.Authorization(
            "Access to the requested data could not be authorized.",
            $"{resource.ResourceName} records are DPI's reference data and cannot be changed by a SIS client.");

    private static string Quote(string etag) => $"\"{etag}\"";

    private static string Unquote(string etag) => etag.Trim().Trim('"');

    private static string Location(RequestContext context, ResourceSchema resource, StoredDocument document)
    {
        var yearPrefix = context.Request.Path.TrimStart('/').StartsWith(context.Year.EndYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? "/" + context.Year.EndYear.ToString(CultureInfo.InvariantCulture) : "";
        return $"{context.Request.Origin}{yearPrefix}/data/v3/{context.Route.Schema!.ToLowerInvariant()}/{resource.Endpoint}/{document.IdText}";
    }

    private sealed record RequestContext(SimRequest Request, Route Route, SchoolYear Year, YearStore Store, ApiClient Client, string CorrelationId);

    private sealed class ReferenceData(SimulatorState state) : IDpiReferenceData
    {
        public bool IsChoiceSchool(long educationOrganizationId) => state.ChoiceSchools.ContainsKey(educationOrganizationId);
    }
}
