using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Store;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// The ODS's query-parameter names come from a member's <c>queryName</c> in the resource model (the flattened
/// column, role prefix and all), else from its name. The server always loads the embedded model, so these tests
/// load the state on a copy of it with the names set, or all removed, and send requests through the data endpoint.
/// </summary>
public sealed class QueryNameTests
{
    private InProcessSimulator _named = null!;
    private InProcessSimulator _unnamed = null!;

    [OneTimeSetUp]
    public void BuildStates()
    {
        _named = new InProcessSimulator(InProcessSimulator.Model(model =>
        {
            Name(model, "studentCTEProgramAssociations", "programReference", "educationOrganizationId", "programEducationOrganizationId");
            Name(model, "studentProgramAssociations", "programReference", "educationOrganizationId", "programEducationOrganizationId");
            Name(model, "grades", "gradingPeriodReference", "schoolYear", "gradingPeriodSchoolYear");
        }));
        _unnamed = new InProcessSimulator(InProcessSimulator.Model(RemoveQueryNames));
    }

    private static void Name(JsonNode model, string endpoint, string reference, string member, string queryName) =>
        model["resources"]![endpoint]!["properties"]![reference]!["properties"]![member]!["queryName"] = queryName;

    /// <summary>Removes the query names of the members (the model as it was before it had them); shared keys keep theirs.</summary>
    private static void RemoveQueryNames(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("queryName");
                foreach (var (_, value) in obj.Where(p => p.Key != "unifiedKeys"))
                    RemoveQueryNames(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    RemoveQueryNames(item);
                break;
        }
    }

    [Test]
    public void A_members_query_name_is_read_from_the_model()
    {
        _named.State.Schema.Find("studentCTEProgramAssociations")!.Root.Properties["programReference"].Properties["educationOrganizationId"].QueryName
            .Should().Be("programEducationOrganizationId");
        _unnamed.State.Schema.Find("studentCTEProgramAssociations")!.Root.Properties["programReference"].Properties["educationOrganizationId"].QueryName
            .Should().BeNull();
        PropertySchema.Parse("schoolYear", new JsonObject { ["type"] = "integer", ["queryName"] = "gradingPeriodSchoolYear" }).QueryName.Should().Be("gradingPeriodSchoolYear");
        PropertySchema.Parse("schoolYear", new JsonObject { ["type"] = "integer" }).QueryName.Should().BeNull();
    }

    [TestCase("studentCTEProgramAssociations")]
    [TestCase("studentProgramAssociations")]
    public void Program_education_organization_id_is_the_programs_and_education_organization_id_the_associations(string endpoint)
    {
        var student = _named.EnrolledStudent();
        _named.Post(endpoint, endpoint == "studentProgramAssociations"
            ? new JsonObject
            {
                ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = SimulatorTestBase.PublicSchool },
                ["programReference"] = Payloads.ProgramReference("CTE", "Career and Technical Education"),
                ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
                ["beginDate"] = "2025-08-26",
            }
            : Payloads.CteAssociation(student, 2026));

        _named.Count(endpoint, $"studentUniqueId={student}&programEducationOrganizationId=48856").Should().Be(1);
        _named.Count(endpoint, $"studentUniqueId={student}&programEducationOrganizationId=7525").Should().Be(0);
        _named.Count(endpoint, $"studentUniqueId={student}&educationOrganizationId=7525").Should().Be(1);
        _named.Count(endpoint, $"studentUniqueId={student}&educationOrganizationId=48856").Should().Be(0);
        _named.Count(endpoint, $"studentUniqueId={student}&ProgramEducationOrganizationID=48856").Should().Be(1, "parameter names match without regard to case");
    }

    [Test]
    public void On_grades_grading_period_school_year_is_the_grading_periods_and_school_year_the_enrolments()
    {
        var student = GradeInA2025GradingPeriod(_named);

        _named.Count("grades", $"studentUniqueId={student}&gradingPeriodSchoolYear=2025").Should().Be(1);
        _named.Count("grades", $"studentUniqueId={student}&gradingPeriodSchoolYear=2026").Should().Be(0);
        _named.Count("grades", $"studentUniqueId={student}&schoolYear=2026").Should().Be(1, "schoolYear is the section enrolment's once the grading period's has its own name");
        _named.Count("grades", $"studentUniqueId={student}&schoolYear=2025").Should().Be(0);
    }

    [Test]
    public void Without_query_names_a_name_two_references_share_queries_the_first_and_a_role_name_is_just_unknown()
    {
        var student = GradeInA2025GradingPeriod(_unnamed);
        var first = _unnamed.State.Schema.Find("grades")!.Root.Properties.Values.First(p => p.ReferenceName is not null && p.Properties.ContainsKey("schoolYear")).Name;
        var (year, otherYear) = first == "gradingPeriodReference" ? (2025, 2026) : (2026, 2025);

        _unnamed.Count("grades", $"studentUniqueId={student}&schoolYear={year}").Should().Be(1, $"{first} comes first in the model's grades");
        _unnamed.Count("grades", $"studentUniqueId={student}&schoolYear={otherYear}").Should().Be(0);
        _unnamed.Count("grades", $"studentUniqueId={student}&gradingPeriodSchoolYear=1999").Should().Be(1, "a key the model does not name is ignored");
    }

    /// <summary>
    /// A 2025-26 grade whose grading period is of 2024-25, which tells the two school years apart. The earlier school
    /// year is DPI's data, read-only to a client, so it goes straight into the store.
    /// </summary>
    private static string GradeInA2025GradingPeriod(InProcessSimulator simulator)
    {
        var store = simulator.State.Year(InProcessSimulator.Year)!;
        var schoolYearTypes = simulator.State.Schema.Find("schoolYearTypes")!;
        var schoolYear2025 = new JsonObject { ["schoolYear"] = 2025, ["currentSchoolYear"] = false, ["schoolYearDescription"] = "2024-2025" };
        store.Atomically(s =>
        {
            if (s.ByKey("schoolYearTypes", NaturalKey.Of(schoolYearTypes, schoolYear2025)) is null)
            {
                s.Put(new StoredDocument
                {
                    Id = Guid.NewGuid(),
                    Resource = "schoolYearTypes",
                    Body = schoolYear2025,
                    Key = NaturalKey.Of(schoolYearTypes, schoolYear2025),
                    ETag = s.NextETag(),
                    LastModified = simulator.State.Time.GetUtcNow(),
                    Sequence = s.NextSequence(),
                });
            }
            return 0;
        });
        var gradingPeriod = new JsonObject
        {
            ["gradingPeriodDescriptor"] = "uri://ed-fi.org/GradingPeriodDescriptor#First Semester",
            ["gradingPeriodName"] = "Semester 1",
            ["schoolReference"] = new JsonObject { ["schoolId"] = SimulatorTestBase.PublicSchool },
            ["schoolYearTypeReference"] = new JsonObject { ["schoolYear"] = 2025 },
            ["periodSequence"] = 1,
            ["beginDate"] = "2024-08-25",
            ["endDate"] = "2025-01-17",
            ["totalInstructionalDays"] = 90,
        };
        var upsert = simulator.Send("POST", "gradingPeriods", body: gradingPeriod);
        upsert.Status.Should().BeOneOf([201, 200], upsert.Body);

        var student = simulator.EnrolledStudent();
        simulator.Post("studentSectionAssociations", Payloads.StudentSectionAssociation(student));
        var grade = Payloads.Grade(student, "A");
        grade["gradingPeriodReference"]!["schoolYear"] = 2025;
        simulator.Post("grades", grade);
        return student;
    }
}
