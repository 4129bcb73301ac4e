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
        await EnrolAsync(client, "8660232105", schoolYear: 2021); // the sample's student, at the sample's school 7525

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
        await EnrolAsync(client, "5281033584", schoolYear: 2023, school: SecondPublicSchool); // at the sample's school 1302

        var response = await client.PostRawAsync("studentSectionAssociations", Fixtures.Read("dpi/samples/student-section-association.json"));

        response.Code.Should().Be(201, response.Text);
        var stored = (await client.GetAsync("studentSectionAssociations/" + response.Id)).Json!;
        stored["_ext"]!["WI"]!["programs"]!.AsArray().Should().HaveCount(3);
    }

    [Test]
    public async Task Without_its_student_the_sample_is_refused_as_the_ods_refuses_a_student_the_key_has_no_relationship_with()
    {
        // The ODS authorizes the student before it resolves references: a student that does not exist has no
        // enrolment at the key's schools, so the answer is 403, not 409 (Ed-Fi-ODS Postman AuthorizationTests,
        // When_associating_an_unexisting_student_should_fail_with_403_forbidden).
        var response = await ClientFor(2022).PostRawAsync("studentCTEProgramAssociations", Fixtures.Read("dpi/samples/student-cte-program-association.json"));

        response.Code.Should().Be(403);
        response.ProblemType.Should().Be("urn:ed-fi:api:security:authorization");
        response.Json!["detail"]!.GetValue<string>().Should().EndWith("Hint: You may need to create a corresponding 'StudentSchoolAssociation' item.");
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
