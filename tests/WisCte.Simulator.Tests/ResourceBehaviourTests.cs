using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>The Ed-Fi ODS/API's resource behaviour, the same for every resource.</summary>
public sealed class ResourceBehaviourTests : SimulatorTestBase
{
    [Test]
    public async Task Post_creates_with_201_then_upserts_the_same_natural_key_with_200_and_the_same_location()
    {
        var id = NewStudentId();
        var created = await Lea.PostAsync("students", Student(id));
        created.Code.Should().Be(201);
        created.Header("Location").Should().MatchRegex($"^{Simulator.BaseUrl}/data/v3/ed-fi/students/[0-9a-f]{{32}}$");
        created.Header("ETag").Should().MatchRegex("^\".+\"$");
        await EnrolAsync(Lea, id); // an upsert of an existing student is an update: the key needs the student enrolled

        var changed = Student(id);
        changed["firstName"] = "Changed";
        var upserted = await Lea.PostAsync("students", changed);

        upserted.Code.Should().Be(200);
        upserted.Header("Location").Should().Be(created.Header("Location"));
        upserted.Header("ETag").Should().NotBe(created.Header("ETag"));
        (await Lea.GetAsync("students/" + created.Id)).Json!["firstName"]!.GetValue<string>().Should().Be("Changed");
    }

    [Test]
    public async Task An_id_in_a_post_body_is_400()
    {
        var body = Student(NewStudentId());
        body["id"] = "0123456789abcdef0123456789abcdef";

        var response = await Lea.PostAsync("students", body);

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request");
        response.Json!["errors"]![0]!.GetValue<string>().Should().Contain("Resource identifiers cannot be assigned by the client");
    }

    [Test]
    public async Task Get_by_id_returns_the_item_with_etag_and_last_modified_and_304_when_unchanged()
    {
        var student = NewStudentId();
        var created = await Lea.PostAsync("students", Student(student));
        await EnrolAsync(Lea, student); // a SIS key reads a student enrolled at one of its schools

        var item = await Lea.GetAsync("students/" + created.Id);
        item.Code.Should().Be(200);
        item.Json!["id"]!.GetValue<string>().Should().Be(created.Id);
        item.Json!["_etag"]!.GetValue<string>().Should().Be(created.Header("ETag")!.Trim('"'));
        item.Json!["_lastModifiedDate"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,7}Z$");

        var notModified = await Lea.GetAsync("students/" + created.Id, headers: new Dictionary<string, string>(StringComparer.Ordinal) { ["If-None-Match"] = created.Header("ETag")! });
        notModified.Code.Should().Be(304);
        (await Lea.GetAsync("students/0123456789abcdef0123456789abcdef")).Code.Should().Be(404);
    }

    [Test]
    public async Task Get_by_example_matches_any_field_including_flattened_reference_fields()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student))).Code.Should().Be(201);

        (await Lea.GetAsync("studentSectionAssociations", $"studentUniqueId={student}")).Json!.AsArray().Should().HaveCount(1);
        (await Lea.GetAsync("studentSectionAssociations", $"studentUniqueId={student}&localCourseCode=ENG9&schoolId=7525")).Json!.AsArray().Should().HaveCount(1);
        (await Lea.GetAsync("studentSectionAssociations", $"studentUniqueId={student}&localCourseCode=CNA")).Json!.AsArray().Should().BeEmpty();
        (await Lea.GetAsync("students", $"studentuniqueid={student}&LASTSURNAME=student{student}")).Json!.AsArray().Should().HaveCount(1, "parameter names and string values match without regard to case");
    }

    [Test]
    public async Task Paging_defaults_to_25_accepts_up_to_500_and_reports_the_total_on_request()
    {
        var surname = "Paging" + NewStudentId();
        for (var i = 0; i < 30; i++)
        {
            var student = Student(NewStudentId());
            student["lastSurname"] = surname;
            (await Lea.PostAsync("students", student)).Code.Should().Be(201);
            await EnrolAsync(Lea, student["studentUniqueId"]!.GetValue<string>()); // a SIS key lists the students enrolled at its schools
        }

        var all = await Lea.GetAsync("students", $"lastSurname={surname}&limit=500&totalCount=true");
        all.Header("Total-Count").Should().Be("30");
        all.Json!.AsArray().Should().HaveCount(30);
        (await Lea.GetAsync("students", $"lastSurname={surname}")).Json!.AsArray().Should().HaveCount(25);
        (await Lea.GetAsync("students", $"lastSurname={surname}")).Header("Total-Count").Should().BeNull();
        (await Lea.GetAsync("students", $"lastSurname={surname}&offset=25&limit=3")).Json!.AsArray().Select(p => p!["id"]!.GetValue<string>())
            .Should().Equal(all.Json!.AsArray().Skip(25).Take(3).Select(p => p!["id"]!.GetValue<string>()));
        var none = await Lea.GetAsync("students", $"lastSurname={surname}&limit=0&totalCount=true");
        none.Json!.AsArray().Should().BeEmpty();
        none.Header("Total-Count").Should().Be("30");
    }

    [TestCase("limit=501", "Limit must be a value between 0 and 500.")]
    [TestCase("limit=-1", "Limit must be a value between 0 and 500.")]
    [TestCase("offset=-3", "Offset cannot be a negative value.")]
    [TestCase("offset=first", "The value 'first' is not valid for Offset.")]
    [TestCase("limit=ten", "The value 'ten' is not valid for Limit.")]
    [TestCase("totalCount=maybe", "The value 'maybe' is not valid for TotalCount.")]
    [TestCase("pageSize=10", "PageToken is required when pageSize is specified.")]
    [TestCase("offset=0&pageSize=10", "Use limit instead of pageSize when using limit/offset paging.")]
    [TestCase("birthDate=yesterday", "The value 'yesterday' is not valid for BirthDate.")]
    public async Task Bad_query_parameters_are_400_parameter_validation_failed(string query, string error)
    {
        var response = await Lea.GetAsync("students", query);

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request:parameter-validation-failed");
        response.Json!["errors"]![0]!.GetValue<string>().Should().Be(error);
    }

    [Test]
    public async Task Put_replaces_by_id_with_204_and_refuses_key_changes_where_ed_fi_does()
    {
        var id = NewStudentId();
        var created = await Lea.PostAsync("students", Student(id));
        await EnrolAsync(Lea, id); // a SIS key updates a student enrolled at one of its schools
        var changed = Student(id);
        changed["middleName"] = "Q";

        var put = await Lea.PutAsync("students", created.Id, changed);
        put.Code.Should().Be(204);
        put.Header("ETag").Should().NotBeNull();

        var keyChange = await Lea.PutAsync("students", created.Id, Student(NewStudentId()));
        keyChange.Code.Should().Be(400);
        keyChange.ProblemType.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported");
        (await Lea.PutAsync("students", "0123456789abcdef0123456789abcdef", changed)).Code.Should().Be(404);
    }

    [Test]
    public async Task Put_may_change_the_key_of_a_resource_ed_fi_allows_it_for()
    {
        var student = await EnrolledStudentAsync(Lea);
        var created = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student));

        var moved = await Lea.PutAsync("studentSectionAssociations", created.Id, Payloads.StudentSectionAssociation(student, beginDate: "2025-09-02"));

        moved.Code.Should().Be(204);
        (await Lea.GetAsync("studentSectionAssociations/" + created.Id)).Json!["beginDate"]!.GetValue<string>().Should().Be("2025-09-02");
    }

    [Test]
    public async Task A_key_change_cascades_into_the_records_that_reference_it_as_the_ods_does()
    {
        var student = await EnrolledStudentAsync(Lea);
        var enrolment = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student));
        var grade = await Lea.PostAsync("grades", Payloads.Grade(student, "A"));
        grade.Code.Should().Be(201, grade.Text);

        var moved = await Lea.PutAsync("studentSectionAssociations", enrolment.Id, Payloads.StudentSectionAssociation(student, beginDate: "2025-09-02"));

        moved.Code.Should().Be(204, moved.Text);
        (await Lea.GetAsync("grades/" + grade.Id)).Json!["studentSectionAssociationReference"]!["beginDate"]!.GetValue<string>().Should().Be("2025-09-02");
        (await Lea.DeleteAsync("studentSectionAssociations", enrolment.Id)).Code.Should().Be(409, "the grade still references the moved enrolment");
        (await Lea.DeleteAsync("grades", grade.Id)).Code.Should().Be(204);
        (await Lea.DeleteAsync("studentSectionAssociations", enrolment.Id)).Code.Should().Be(204);
    }

    [Test]
    public async Task If_match_with_a_stale_etag_is_412_on_put_and_delete()
    {
        var id = NewStudentId();
        var created = await Lea.PostAsync("students", Student(id));
        await EnrolAsync(Lea, id); // a SIS key updates a student enrolled at one of its schools
        var stale = new Dictionary<string, string>(StringComparer.Ordinal) { ["If-Match"] = "\"not-the-etag\"" };

        var put = await Lea.PutAsync("students", created.Id, Student(id), stale);
        put.Code.Should().Be(412);
        put.ProblemType.Should().Be("urn:ed-fi:api:optimistic-lock-failed");
        (await Lea.DeleteAsync("students", created.Id, stale)).Code.Should().Be(412);

        var current = new Dictionary<string, string>(StringComparer.Ordinal) { ["If-Match"] = created.Header("ETag")! };
        (await Lea.PutAsync("students", created.Id, Student(id), current)).Code.Should().Be(204);
    }

    [Test]
    public async Task Delete_is_204_then_404()
    {
        var created = await Lea.PostAsync("students", Student(NewStudentId()));

        (await Lea.DeleteAsync("students", created.Id)).Code.Should().Be(204);
        var again = await Lea.DeleteAsync("students", created.Id);
        again.Code.Should().Be(404);
        again.Json!["detail"]!.GetValue<string>().Should().Be("Resource to delete was not found.");
    }

    [Test]
    public async Task A_reference_to_a_missing_item_is_409_unresolved_reference()
    {
        // A missing section of an enrolled student: a missing student is a 403 for a SIS key, as the ODS authorizes
        // the student before it resolves references (RelationshipAuthorizationTests).
        var student = await EnrolledStudentAsync(Lea);
        var association = Payloads.StudentSectionAssociation(student);
        association["sectionReference"]!["sectionIdentifier"] = "NO-SUCH-SECTION";

        var response = await Lea.PostAsync("studentSectionAssociations", association);

        response.Code.Should().Be(409);
        response.ProblemType.Should().Be("urn:ed-fi:api:data-conflict:unresolved-reference");
        response.Json!["detail"]!.GetValue<string>().Should().Be("The referenced 'Section' item does not exist.");
    }

    [Test]
    public async Task Deleting_an_item_something_still_references_is_409_dependent_item_exists()
    {
        var student = await EnrolledStudentAsync(Lea);
        var studentId = (await Lea.GetAsync("students", $"studentUniqueId={student}")).Json![0]!["id"]!.GetValue<string>();

        var response = await Lea.DeleteAsync("students", studentId);

        response.Code.Should().Be(409);
        response.ProblemType.Should().Be("urn:ed-fi:api:data-conflict:dependent-item-exists");
        response.Json!["detail"]!.GetValue<string>().Should().Contain("'StudentSchoolAssociation'");
    }

    [Test]
    public async Task A_section_enrolment_with_grades_cannot_be_deleted_until_its_grades_are()
    {
        var student = await EnrolledStudentAsync(Lea);
        var ssa = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student));
        var grade = await Lea.PostAsync("grades", Payloads.Grade(student, "B"));
        grade.Code.Should().Be(201, grade.Text);

        var blocked = await Lea.DeleteAsync("studentSectionAssociations", ssa.Id);
        blocked.Code.Should().Be(409);
        blocked.Json!["detail"]!.GetValue<string>().Should().Contain("'Grade'");

        (await Lea.DeleteAsync("grades", grade.Id)).Code.Should().Be(204);
        (await Lea.DeleteAsync("studentSectionAssociations", ssa.Id)).Code.Should().Be(204);
    }

    [TestCase("PATCH", "students", "The endpoint of the request does not support the 'PATCH' method.")]
    [TestCase("PUT", "students", "Resource collections cannot be replaced. To \"upsert\" an item in the collection, use POST. To update a specific item, use PUT and include the \"id\" in the route.")]
    [TestCase("DELETE", "students", "Resource collections cannot be deleted. To delete a specific item, use DELETE and include the \"id\" in the route.")]
    [TestCase("POST", "students/0123456789abcdef0123456789abcdef", "Resource items can only be updated using PUT. To \"upsert\" an item in the resource collection using POST, remove the \"id\" from the route.")]
    public async Task Unsupported_methods_are_405_with_the_odss_messages(string method, string path, string error)
    {
        var response = await Lea.SendAsync(new HttpMethod(method), "data/v3/ed-fi/" + path, method is "PUT" or "POST" or "PATCH" ? "{}" : null);

        response.Code.Should().Be(405);
        response.ProblemType.Should().Be("urn:ed-fi:api:method-not-allowed");
        response.Json!["errors"]![0]!.GetValue<string>().Should().Be(error);
    }

    [Test]
    public async Task Problem_details_echo_the_correlation_id_from_header_or_query()
    {
        var fromHeader = await Lea.GetAsync("students", "limit=999", new Dictionary<string, string>(StringComparer.Ordinal) { ["correlation-id"] = "trace-abc" });
        fromHeader.Header("Content-Type").Should().StartWith("application/problem+json");
        fromHeader.Json!["correlationId"]!.GetValue<string>().Should().Be("trace-abc");
        fromHeader.Json!["status"]!.GetValue<int>().Should().Be(400);
        fromHeader.Json!["title"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        var fromQuery = await Lea.GetAsync("students", "limit=999&correlationId=trace-def");
        fromQuery.Json!["correlationId"]!.GetValue<string>().Should().Be("trace-def");
    }

    [Test]
    public async Task Property_names_and_descriptor_values_match_without_regard_to_case_and_are_stored_canonically()
    {
        var student = await EnrolledStudentAsync(Lea);
        var body = JsonNode.Parse($$"""
            {"SECTIONREFERENCE": {"localcoursecode": "ENG9", "SchoolId": 7525, "schoolyear": 2026, "sectionIdentifier": "ENG9-01-2026", "sessionname": "2025-2026 School Calendar"},
             "studentReference": {"studentUniqueId": "{{student}}"}, "BeginDate": "2025-08-26",
             "attemptStatusDescriptor": "URI://DPI.WI.GOV/ATTEMPTSTATUSDESCRIPTOR#s"}
            """)!;

        var created = await Lea.PostAsync("studentSectionAssociations", body);

        created.Code.Should().Be(201, created.Text);
        var stored = (await Lea.GetAsync("studentSectionAssociations/" + created.Id)).Json!;
        stored["sectionReference"]!["sessionName"]!.GetValue<string>().Should().Be("2025-2026 School Calendar");
        stored["attemptStatusDescriptor"]!.GetValue<string>().Should().Be("uri://dpi.wi.gov/AttemptStatusDescriptor#S");
    }

    [Test]
    public async Task An_unknown_descriptor_value_is_400_naming_the_value()
    {
        var student = await EnrolledStudentAsync(Lea);
        var body = Payloads.StudentSectionAssociation(student);
        body["attemptStatusDescriptor"] = "uri://dpi.wi.gov/AttemptStatusDescriptor#Z";

        var response = await Lea.PostAsync("studentSectionAssociations", body);

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed");
        response.ValidationMessages.Should().ContainSingle().Which.Should()
            .Be("$.attemptStatusDescriptor: AttemptStatusDescriptor value 'uri://dpi.wi.gov/AttemptStatusDescriptor#Z' does not exist.");
    }

    [Test]
    public async Task Descriptors_are_served_for_reading()
    {
        var response = await Lea.GetAsync("programTypeDescriptors", "namespace=uri://dpi.wi.gov/ProgramTypeDescriptor");

        response.Code.Should().Be(200);
        response.Json!.AsArray().Select(d => d!["codeValue"]!.GetValue<string>()).Should().Contain(["IRC", "WBL", "Dual", "CTE"]).And.NotContain("Certified");
        (await ClientFor(2024).GetAsync("programTypeDescriptors", "namespace=uri://dpi.wi.gov/ProgramTypeDescriptor")).Json!.AsArray()
            .Select(d => d!["codeValue"]!.GetValue<string>()).Should().Contain("Certified").And.NotContain("IRC");
    }

    [Test]
    public async Task An_unknown_resource_is_404()
    {
        var response = await Lea.GetAsync("unicorns");

        response.Code.Should().Be(404);
        response.ProblemType.Should().Be("urn:ed-fi:api:not-found");
    }
}
