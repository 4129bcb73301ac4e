using System.Text.Json.Nodes;
using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Http;
using WisCte.Simulator.Store;

namespace WisCte.Simulator.Pipeline;

/// <summary>What the operation on a data route is, once the route and method are known to fit (405s are decided before it).</summary>
internal enum DataOperation
{
    GetById,
    GetMany,
    Post,
    Put,
    Delete,
}

/// <summary>One request on its way through the pipeline: each step adds what it learns for the steps after it.</summary>
internal sealed class RequestContext(SimRequest request, Route route)
{
    public SimRequest Request { get; } = request;

    public Route Route { get; } = route;

    /// <summary>The client's correlation id, or one made up for it (<see cref="CorrelationStep"/>).</summary>
    public string CorrelationId { get; set; } = "";

    /// <summary>The year's store, once <see cref="SchoolYearStep"/> found the year served.</summary>
    public YearStore? Store { get; set; }

    /// <summary>The valid token the request carries (<see cref="AuthenticationStep"/>).</summary>
    public IssuedToken? Token { get; set; }

    /// <summary>Who sent the request, for the journal, as far as a step could tell (a token's client, valid or not).</summary>
    public string? ClientId { get; set; }

    /// <summary>The Ed-Fi resource a data route names (null for a descriptor type).</summary>
    public ResourceSchema? Resource { get; set; }

    /// <summary>The descriptor type a data route names (AcademicSubjectDescriptor…), when it names one.</summary>
    public string? DescriptorType { get; set; }

    public DataOperation Operation { get; set; }

    /// <summary>The request body as a JSON object, for a POST or PUT (<see cref="BodyStep"/>).</summary>
    public JsonObject? Body { get; set; }

    public SchoolYear Year => Route.Year ?? throw new InvalidOperationException("The route names no school year.");

    public ApiClient Client => Token?.Client ?? throw new InvalidOperationException("The request is not authenticated.");

    public SimResponse Problem(EdFiProblem problem) => problem.ToResponse(CorrelationId);
}
