using System.Text.Json.Nodes;

namespace WisCte.Simulator.Http;

/// <summary>
/// Problem details as the Ed-Fi ODS/API 7.2+ writes them (application/problem+json): type URNs under
/// <c>urn:ed-fi:api</c>, title, status, detail, correlationId, and validationErrors / errors when there are any.
/// </summary>
internal sealed record EdFiProblem(int Status, string Type, string Title, string Detail)
{
    public IReadOnlyDictionary<string, List<string>> ValidationErrors { get; init; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);
    public IReadOnlyList<string> Errors { get; init; } = [];

    public const string ValidationDetail = "Data validation failed. See 'validationErrors' for details.";
    public const string ErrorsDetail = "The request could not be processed. See 'errors' for details.";
    public const string ConstructionDetail = "The request construction was invalid.";

    public static EdFiProblem BadRequest(params string[] errors) =>
        new(400, "urn:ed-fi:api:bad-request", "Bad Request", "The request data was constructed incorrectly.") { Errors = errors };

    public static EdFiProblem DataValidationFailed(IReadOnlyDictionary<string, List<string>> validationErrors) =>
        new(400, "urn:ed-fi:api:bad-request:data-validation-failed", "Data Validation Failed", ValidationDetail) { ValidationErrors = validationErrors };

    public static EdFiProblem ParameterValidationFailed(params string[] errors) =>
        new(400, "urn:ed-fi:api:bad-request:parameter-validation-failed", "Parameter Validation Failed", ConstructionDetail) { Errors = errors };

    public static EdFiProblem KeyChangeNotSupported(string resourceName) =>
        new(400, "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported", "Key Change Not Supported",
            $"Identifying values for the {resourceName} data cannot be changed. Delete and recreate the item instead.");

    public static EdFiProblem Authentication(string error) =>
        new(401, "urn:ed-fi:api:security:authentication", "Authentication Failed", "The caller could not be authenticated.") { Errors = [error] };

    public static EdFiProblem Authorization(string detail, params string[] errors) =>
        new(403, "urn:ed-fi:api:security:authorization", "Authorization Denied", detail) { Errors = errors };

    public static EdFiProblem NotFound(string detail) =>
        new(404, "urn:ed-fi:api:not-found", "Not Found", detail);

    public static EdFiProblem MethodNotAllowed(string error) =>
        new(405, "urn:ed-fi:api:method-not-allowed", "Method Not Allowed", ErrorsDetail) { Errors = [error] };

    public static EdFiProblem DependentItemExists(string referencingResourceName) =>
        new(409, "urn:ed-fi:api:data-conflict:dependent-item-exists", "Dependent Item Exists",
            $"The requested action cannot be performed because this item is referenced by an existing '{referencingResourceName}' item.");

    public static EdFiProblem UnresolvedReference(string referencedResourceName) =>
        new(409, "urn:ed-fi:api:data-conflict:unresolved-reference", "Unresolved Reference",
            $"The referenced '{referencedResourceName}' item does not exist.");

    public static EdFiProblem NonUniqueIdentity(string detail) =>
        new(409, "urn:ed-fi:api:data-conflict:non-unique-identity", "Identifying Values Are Not Unique", detail);

    public static EdFiProblem OptimisticLockFailed() =>
        new(412, "urn:ed-fi:api:optimistic-lock-failed", "Optimistic Lock Failed", "The item has been modified by another user.")
        {
            Errors = ["The resource item's etag value does not match what was specified in the 'If-Match' request header indicating that it has been modified by another client since it was last retrieved."],
        };

    public static EdFiProblem PayloadTooLarge(long limit) =>
        new(413, "urn:ed-fi:api:bad-request:payload-too-large", "Payload Too Large", ErrorsDetail)
        {
            Errors = [$"The request body is larger than the {limit:N0} bytes this endpoint accepts."],
        };

    public static EdFiProblem UnsupportedMediaType(string error) =>
        new(415, "urn:ed-fi:api:unsupported-media-type", "Unsupported Media Type", ErrorsDetail) { Errors = [error] };

    public static EdFiProblem System(string detail) =>
        new(500, "urn:ed-fi:api:system", "System Error", detail);

    public SimResponse ToResponse(string correlationId)
    {
        var body = new JsonObject
        {
            ["detail"] = Detail,
            ["type"] = Type,
            ["title"] = Title,
            ["status"] = Status,
            ["correlationId"] = correlationId,
        };
        if (ValidationErrors.Count > 0)
            body["validationErrors"] = new JsonObject(ValidationErrors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)new JsonArray([.. e.Value.Select(m => (JsonNode?)m)]))));
        if (Errors.Count > 0)
            body["errors"] = new JsonArray([.. Errors.Select(e => (JsonNode?)e)]);
        return new SimResponse(Status, SimResponse.WithContentType("application/problem+json", []), body.ToJsonString());
    }
}
