using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>What DPI owns is read-only to SIS clients; a client's key covers its own LEA only.</summary>
public sealed class AccessTests : SimulatorTestBase
{
    [Test]
    public async Task A_sis_client_reads_but_cannot_change_dpis_schools_courses_programs_or_descriptors()
    {
        var schools = await Lea.GetAsync("schools", "schoolId=7525");
        schools.Json!.AsArray().Should().ContainSingle();
        var school = schools.Json![0]!.AsObject();
        var id = school["id"]!.GetValue<string>();

        foreach (var response in new[]
                 {
                     await Lea.PostAsync("schools", new JsonObject { ["schoolId"] = 7777, ["nameOfInstitution"] = "Rogue School" }),
                     await Lea.PutAsync("schools", id, new JsonObject { ["schoolId"] = 7525, ["nameOfInstitution"] = "Renamed" }),
                     await Lea.DeleteAsync("schools", id),
                     await Lea.PostAsync("programTypeDescriptors", new JsonObject { ["namespace"] = "uri://dpi.wi.gov/ProgramTypeDescriptor", ["codeValue"] = "NEW", ["shortDescription"] = "x" }),
                 })
        {
            response.Code.Should().Be(403, response.Text);
            response.ProblemType.Should().Be("urn:ed-fi:api:security:authorization");
        }
        (await Lea.GetAsync("schools/" + id)).Json!["nameOfInstitution"]!.GetValue<string>().Should().Be(school["nameOfInstitution"]!.GetValue<string>());
    }

    [Test]
    public async Task A_client_of_another_lea_cannot_write_to_this_leas_schools()
    {
        var student = NewStudentId();
        (await OtherLea.PostAsync("students", Student(student))).Code.Should().Be(201);

        var response = await OtherLea.PostAsync("studentSchoolAssociations", new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["schoolReference"] = new JsonObject { ["schoolId"] = PublicSchool },
            ["entryDate"] = "2025-08-26",
            ["entryGradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade",
        });

        response.Code.Should().Be(403);
        response.ProblemType.Should().Be("urn:ed-fi:api:security:authorization");
    }

    [Test]
    public async Task A_client_of_another_lea_cannot_read_update_or_delete_this_leas_records()
    {
        var student = await EnrolledStudentAsync(Lea);
        var enrolment = (await Lea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json![0]!.AsObject();
        var id = enrolment["id"]!.GetValue<string>();
        var studentId = (await Lea.GetAsync("students", $"studentUniqueId={student}")).Json![0]!["id"]!.GetValue<string>();

        (await OtherLea.GetAsync("studentSchoolAssociations/" + id)).Code.Should().Be(403);
        (await OtherLea.GetAsync("students/" + studentId)).Code.Should().Be(403);
        (await OtherLea.DeleteAsync("studentSchoolAssociations", id)).Code.Should().Be(403);
        (await OtherLea.PostAsync("students", Student(student))).Code.Should().Be(403, "an upsert of another LEA's student is a write to it");
        (await OtherLea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json!.AsArray().Should().BeEmpty("lists show only the client's LEA");
        (await Lea.GetAsync("studentSchoolAssociations/" + id)).Code.Should().Be(200);
    }
}
