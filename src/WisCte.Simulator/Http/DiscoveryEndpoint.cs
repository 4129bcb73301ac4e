using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Simulator.Hosting;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>GET / : the ODS/API discovery document, with the URLs of the year asked for.</summary>
internal sealed class DiscoveryEndpoint(SimulatorState state)
{
    public SimResponse Handle(SimRequest request, Route route)
    {
        var year = route.Year ?? state.Options.DefaultSchoolYear;
        var prefix = request.Origin + (request.Path.Trim('/').Length > 0 ? "/" + year.EndYear.ToString(CultureInfo.InvariantCulture) : "");
        var body = new JsonObject
        {
            ["version"] = "7.3",
            ["informationalVersion"] = "7.3 (WisCte.Conformance simulator)",
            ["suite"] = "3",
            ["build"] = "simulated",
            ["apiMode"] = "Year Specific",
            ["dataModels"] = new JsonArray(
                new JsonObject { ["name"] = "Ed-Fi", ["version"] = "5.2.0", ["informationalVersion"] = "Ed-Fi Data Standard 5.2.0" },
                new JsonObject { ["name"] = "WI", ["version"] = "simulated", ["informationalVersion"] = "Wisconsin DPI extension as far as public sources show it" }),
            ["urls"] = new JsonObject
            {
                ["dependencies"] = $"{prefix}/metadata/data/v3/dependencies",
                ["openApiMetadata"] = $"{prefix}/metadata/",
                ["oauth"] = $"{prefix}/oauth/token",
                ["dataManagementApi"] = $"{prefix}/data/v3/",
                ["xsdMetadata"] = $"{prefix}/metadata/xsd",
            },
            ["schoolYears"] = new JsonArray([.. state.Years.Keys.Order().Select(y => (JsonNode?)y.EndYear)]),
            ["defaultSchoolYear"] = state.Options.DefaultSchoolYear.EndYear,
        };
        return SimResponse.Json(200, body);
    }
}
