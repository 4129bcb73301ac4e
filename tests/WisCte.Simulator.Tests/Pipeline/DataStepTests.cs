using FluentAssertions;
using NUnit.Framework;
using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;
using static WisCte.Simulator.Tests.Pipeline.StepHarness;

namespace WisCte.Simulator.Tests.Pipeline;

/// <summary>The steps of a data request: bearer token, authentication, resource and operation, body, resource claims.</summary>
public sealed class DataStepTests
{
    [TestCase(null, null, "Authorization header is missing.")]
    [TestCase("Basic abc", null, "Unknown Authorization header scheme.")]
    [TestCase("Bearer", null, "Missing Authorization header bearer token value.")]
    [TestCase("Bearer a b", null, "Invalid Authorization header.")]
    [TestCase("bearer tok-1", "tok-1", null)]
    public void The_bearer_header_is_read_once_in_the_ODS_words(string? header, string? token, string? error)
    {
        var bearer = BearerToken.Parse(header);
        bearer.Token.Should().Be(token);
        bearer.Error.Should().Be(error);
    }

    [Test]
    public async Task A_data_request_without_a_good_token_is_401_and_goes_no_further()
    {
        var harness = new StepHarness();
        var step = new AuthenticationStep(harness.State.Tokens);

        var missing = await harness.Run(step, Context("GET", "/data/v3/ed-fi/students"));
        missing.Status.Should().Be(401);
        Error(missing).Should().Be("Authorization header is missing.");

        var unknown = await harness.Run(step, Context("GET", "/data/v3/ed-fi/students", Headers(("Authorization", "Bearer not-issued"))));
        Error(unknown).Should().Be("Invalid token");

        var otherYear = Context("GET", "/data/v3/ed-fi/students", Headers(("Authorization", "Bearer " + harness.Token(new SchoolYear(2025)))));
        (await harness.Run(step, otherYear)).Status.Should().Be(401, "a token is for the school year it was issued for");
        otherYear.ClientId.Should().Be(Client.ClientId, "the journal still names who sent it");

        var expired = harness.Token();
        harness.State.Tokens.Expire(expired);
        (await harness.Run(step, Context("GET", "/data/v3/ed-fi/students", Headers(("Authorization", "Bearer " + expired))))).Status.Should().Be(401);
        harness.NextCalls.Should().Be(0);
    }

    [Test]
    public async Task A_valid_token_authenticates_its_client_and_token_routes_need_none()
    {
        var harness = new StepHarness();
        var step = new AuthenticationStep(harness.State.Tokens);
        var context = Context("GET", "/data/v3/ed-fi/students", Headers(("Authorization", "Bearer " + harness.Token())));
        (await harness.Run(step, context)).Status.Should().Be(200);
        context.Client.Should().Be(Client);

        (await harness.Run(step, Context("POST", "/oauth/token", body: "grant_type=client_credentials"))).Status.Should().Be(200);
        harness.NextCalls.Should().Be(2);
    }

    [TestCase("GET", "/data/v3/ed-fi/students", "GetMany")]
    [TestCase("GET", "/data/v3/ed-fi/students/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c", "GetById")]
    [TestCase("POST", "/data/v3/ed-fi/students", "Post")]
    [TestCase("PUT", "/data/v3/ed-fi/students/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c", "Put")]
    [TestCase("DELETE", "/data/v3/ed-fi/students/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c", "Delete")]
    public async Task The_operation_follows_method_and_route(string method, string path, string operation)
    {
        var harness = new StepHarness();
        var context = Context(method, path);
        (await harness.Run(new OperationStep(harness.State), context)).Status.Should().Be(200);
        context.Operation.ToString().Should().Be(operation);
        context.Resource!.Endpoint.Should().Be("students");
    }

    [TestCase("POST", "/data/v3/ed-fi/students/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c", "Resource items can only be updated using PUT.")]
    [TestCase("PUT", "/data/v3/ed-fi/students", "Resource collections cannot be replaced.")]
    [TestCase("DELETE", "/data/v3/ed-fi/students", "Resource collections cannot be deleted.")]
    [TestCase("PATCH", "/data/v3/ed-fi/students", "The endpoint of the request does not support the 'PATCH' method.")]
    public async Task A_method_the_route_does_not_take_is_405_with_the_ODS_message(string method, string path, string message)
    {
        var harness = new StepHarness();
        var response = await harness.Run(new OperationStep(harness.State), Context(method, path));
        response.Status.Should().Be(405);
        Error(response).Should().StartWith(message);
        harness.NextCalls.Should().Be(0);
    }

    [Test]
    public async Task A_route_naming_no_resource_is_404_and_a_descriptor_route_names_its_type()
    {
        var harness = new StepHarness();
        (await harness.Run(new OperationStep(harness.State), Context("GET", "/data/v3/ed-fi/unicorns"))).Status.Should().Be(404);
        (await harness.Run(new OperationStep(harness.State), Context("GET", "/data/v3/tpdm/students"))).Status.Should().Be(404);

        var descriptor = Context("GET", "/data/v3/ed-fi/gradeLevelDescriptors");
        (await harness.Run(new OperationStep(harness.State), descriptor)).Status.Should().Be(200);
        descriptor.DescriptorType.Should().Be("GradeLevelDescriptor");
        descriptor.Resource.Should().BeNull();
    }

    [Test]
    public async Task A_write_body_must_be_a_json_object_of_acceptable_size_and_type()
    {
        var harness = new StepHarness();
        var step = new BodyStep(maxBodyBytes: 64);

        (await RunBody(harness, step, "POST", new string(' ', 65))).Status.Should().Be(413);
        (await RunBody(harness, step, "POST", "{}", contentType: "text/plain")).Status.Should().Be(415);
        Error(await RunBody(harness, step, "POST", "  ")).Should().Be("The request body is empty: a JSON object is expected.");
        Error(await RunBody(harness, step, "POST", "{\"a\": ")).Should().StartWith("The request body is ");
        Error(await RunBody(harness, step, "POST", "[1]")).Should().Be("The request body must be a JSON object.");
        Error(await RunBody(harness, step, "POST", "{\"id\": \"x\"}")).Should().StartWith("Resource identifiers cannot be assigned by the client.");
        harness.NextCalls.Should().Be(0);

        var put = await RunBody(harness, step, "PUT", "{\"id\": \"x\", \"firstName\": \"A\"}");
        put.Status.Should().Be(200, "a PUT's body may carry the id");
        (await RunBody(harness, step, "GET", null)).Status.Should().Be(200, "reads have no body to check");
        harness.NextCalls.Should().Be(2);
    }

    [Test]
    public async Task In_WISEdata_DPIs_reference_data_and_descriptors_are_read_only_to_a_SIS_key()
    {
        var harness = new StepHarness();
        var step = new ResourceClaimsStep(harness.State);

        var school = await RunClaims(harness, step, "POST", "/data/v3/ed-fi/schools");
        school.Status.Should().Be(403);
        Error(school).Should().Be("School records are DPI's reference data and cannot be changed by a SIS client.");
        (await RunClaims(harness, step, "DELETE", "/data/v3/ed-fi/courses/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c")).Status.Should().Be(403);
        (await RunClaims(harness, step, "POST", "/data/v3/ed-fi/gradeLevelDescriptors")).Status.Should().Be(403);
        harness.NextCalls.Should().Be(0);

        (await RunClaims(harness, step, "GET", "/data/v3/ed-fi/schools")).Status.Should().Be(200);
        (await RunClaims(harness, step, "POST", "/data/v3/ed-fi/students")).Status.Should().Be(200);
    }

    [Test]
    public async Task A_plain_ODS_sandbox_key_writes_every_resource_and_posts_descriptor_values()
    {
        var harness = new StepHarness(SimulatorProfile.EdFiOds);
        var step = new ResourceClaimsStep(harness.State);
        (await RunClaims(harness, step, "POST", "/data/v3/ed-fi/schools")).Status.Should().Be(200);
        (await RunClaims(harness, step, "POST", "/data/v3/ed-fi/gradeLevelDescriptors")).Status.Should().Be(200);
        (await RunClaims(harness, step, "DELETE", "/data/v3/ed-fi/gradeLevelDescriptors/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c")).Status.Should().Be(403, "the simulator keeps descriptor values once made");
    }

    private static async Task<WisCte.Simulator.Http.SimResponse> RunBody(StepHarness harness, BodyStep step, string method, string? body, string contentType = "application/json")
    {
        var path = method == "PUT" ? "/data/v3/ed-fi/students/0b8d9f7a6c1e4f2a9d3b5c7e1f2a3b4c" : "/data/v3/ed-fi/students";
        var context = Context(method, path, Headers(("Content-Type", contentType)), body);
        await new OperationStep(harness.State).InvokeAsync(context, _ => Task.FromResult(harness.NextAnswer));
        return await harness.Run(step, context);
    }

    private static async Task<WisCte.Simulator.Http.SimResponse> RunClaims(StepHarness harness, ResourceClaimsStep step, string method, string path)
    {
        var context = Context(method, path);
        await new OperationStep(harness.State).InvokeAsync(context, _ => Task.FromResult(harness.NextAnswer));
        return await harness.Run(step, context);
    }
}
