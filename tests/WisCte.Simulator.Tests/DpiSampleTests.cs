using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>DPI's two JSON samples are real submissions: accepted as they stand, in their own school years.</summary>
public sealed class DpiSampleTests : SimulatorTestBase
{
    [Test]
    public async Task The_student_cte_program_association_sample_is_accepted_in_2020_21()
    {
        var client = ClientFor(2021);
        (await client.PostAsync("students", Student("8660232105"))).Code.Should().Be(201);

        var response = await client.PostRawAsync("studentCTEProgramAssociations", Fixtures.Read("dpi/samples/student-cte-program-association.json"));

        response.Code.Should().Be(201, response.Text);
        var stored = (await client.GetAsync("studentCTEProgramAssociations/" + response.Id)).Json!;
        stored["programReference"]!["programName"]!.GetValue<string>().Should().Be("Career and Technical Education", "the sample's 'programname' binds to programName");
        stored["_ext"]!["WI"]!["certificatedProgramStatusDescriptor"]!.GetValue<string>().Should().Be("uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B");
    }

    [Test]
    public async Task The_student_section_association_sample_is_accepted_in_2022_23()
    {
        var client = ClientFor(2023);
        (await client.PostAsync("students", Student("5281033584"))).Code.Should().Be(201);

        var response = await client.PostRawAsync("studentSectionAssociations", Fixtures.Read("dpi/samples/student-section-association.json"));

        response.Code.Should().Be(201, response.Text);
        var stored = (await client.GetAsync("studentSectionAssociations/" + response.Id)).Json!;
        stored["_ext"]!["WI"]!["programs"]!.AsArray().Should().HaveCount(3);
    }

    [Test]
    public async Task Without_its_student_the_sample_is_an_unresolved_reference()
    {
        var response = await ClientFor(2022).PostRawAsync("studentCTEProgramAssociations", Fixtures.Read("dpi/samples/student-cte-program-association.json"));

        response.Code.Should().Be(409);
        response.ProblemType.Should().Be("urn:ed-fi:api:data-conflict:unresolved-reference");
    }

    [Test]
    public async Task The_section_sample_is_refused_in_2025_26_where_section_programs_moved_to_core()
    {
        var client = ClientFor(2026);
        var sample = JsonNode.Parse(Fixtures.Read("dpi/samples/student-section-association.json"))!;

        var response = await client.PostAsync("studentSectionAssociations", sample);

        response.Code.Should().Be(400);
        response.ValidationMessages.Should().Contain(m => m.Contains("[WI-L1-", StringComparison.Ordinal));
    }
}
