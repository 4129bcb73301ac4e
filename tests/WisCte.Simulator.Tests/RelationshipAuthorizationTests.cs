using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Baseline;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;
using WisCte.Simulator.Validation;

namespace WisCte.Simulator.Tests;

/// <summary>
/// A SIS key reaches a student's data through the student's enrolments, as the ODS authorizes a SIS key
/// (RelationshipsWithEdOrgsAndPeople; the student through auth.EducationOrganizationIdToStudentUSI, built from
/// studentSchoolAssociations). Here LEA 99999 (<see cref="SimulatorTestBase.OtherLea"/>) has a school of its own,
/// 9999901: the test loads it beside the baseline through the baseline loader (the baseline fixtures are unchanged).
/// </summary>
public sealed class RelationshipAuthorizationTests : SimulatorTestBase
{
    private const long OtherLeaId = 99999;
    private const long OtherLeasSchool = 9999901;
    private const string Denied = "Access to the requested data could not be authorized.";
    private const string DeniedWithHint = "Access to the requested data could not be authorized. Hint: You may need to create a corresponding 'StudentSchoolAssociation' item.";

    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with { LoadBaseline = false };

    [OneTimeSetUp]
    public void LoadTheBaselineAndASecondLeaWithASchool() =>
        BaselineLoader.Load(Simulator.State, [.. BaselineLoader.Embedded(), ("test: LEA 99999", OtherLeaRecord()), ("test: LEA 99999's school", OtherLeasSchoolRecord())]);

    private static JsonObject OtherLeaRecord() => new()
    {
        ["resource"] = "localEducationAgencies",
        ["body"] = new JsonObject
        {
            ["localEducationAgencyId"] = OtherLeaId,
            ["nameOfInstitution"] = "Second Fictional School District",
            ["categories"] = new JsonArray(new JsonObject { ["educationOrganizationCategoryDescriptor"] = "uri://ed-fi.org/EducationOrganizationCategoryDescriptor#Local Education Agency" }),
            ["localEducationAgencyCategoryDescriptor"] = "uri://ed-fi.org/LocalEducationAgencyCategoryDescriptor#Regular public school district",
            ["stateEducationAgencyReference"] = new JsonObject { ["stateEducationAgencyId"] = 55 },
        },
    };

    private static JsonObject OtherLeasSchoolRecord() => new()
    {
        ["resource"] = "schools",
        ["body"] = new JsonObject
        {
            ["schoolId"] = OtherLeasSchool,
            ["nameOfInstitution"] = "Second Fictional High School",
            ["educationOrganizationCategories"] = new JsonArray(new JsonObject { ["educationOrganizationCategoryDescriptor"] = "uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School" }),
            ["gradeLevels"] = new JsonArray(new JsonObject { ["gradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade" }),
            ["administrativeFundingControlDescriptor"] = "uri://ed-fi.org/AdministrativeFundingControlDescriptor#Public School",
            ["localEducationAgencyReference"] = new JsonObject { ["localEducationAgencyId"] = OtherLeaId },
        },
    };

    private static string Error(long claim, params string[] properties) => properties.Length == 1
        ? $"No relationships have been established between the caller's education organization id claim ({claim}) and the resource item's '{properties[0]}' value."
        : $"No relationships have been established between the caller's education organization id claim ({claim}) and one or more of the following properties of the resource item: '{string.Join("', '", properties)}'.";

    private static void ShouldBeRefused(ApiResponse response, string detail, string error)
    {
        response.Code.Should().Be(403, response.Text);
        response.ProblemType.Should().Be("urn:ed-fi:api:security:authorization");
        response.Json!["title"]!.GetValue<string>().Should().Be("Authorization Denied");
        response.Json!["detail"]!.GetValue<string>().Should().Be(detail);
        response.Json!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).Should().Equal(error);
    }

    private static IEnumerable<string> Ids(ApiResponse response)
    {
        response.Code.Should().Be(200, response.Text);
        return response.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>());
    }

    private static JsonObject SchoolAttendanceEvent(string student, string date = "2025-10-06") => new()
    {
        ["attendanceEventCategoryDescriptor"] = "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence",
        ["eventDate"] = date,
        ["schoolReference"] = new JsonObject { ["schoolId"] = PublicSchool },
        ["sessionReference"] = new JsonObject { ["schoolId"] = PublicSchool, ["schoolYear"] = 2026, ["sessionName"] = "2025-2026 School Calendar" },
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
    };

    private static JsonObject EducationOrganizationAssociation(string student, long educationOrganizationId = LeaId) => new()
    {
        ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = educationOrganizationId },
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
    };

    private static async Task<(string UniqueId, string Id)> UnenrolledStudentAsync(TestClient client)
    {
        var student = NewStudentId();
        var created = await client.PostAsync("students", Student(student));
        created.Code.Should().Be(201, "any SIS key may create a student, one it cannot read yet: " + created.Text);
        return (student, created.Id);
    }

    // ---- the student ----

    [Test]
    public async Task Any_key_creates_a_student_but_reads_or_updates_it_only_once_it_is_enrolled_at_one_of_the_keys_schools()
    {
        var (student, id) = await UnenrolledStudentAsync(Lea);
        var changed = Student(student);
        changed["middleName"] = "Q";

        ShouldBeRefused(await Lea.GetAsync("students/" + id), DeniedWithHint, Error(LeaId, "StudentUniqueId"));
        ShouldBeRefused(await Lea.PutAsync("students", id, changed), DeniedWithHint, Error(LeaId, "StudentUniqueId"));
        ShouldBeRefused(await Lea.PostAsync("students", changed), DeniedWithHint, Error(LeaId, "StudentUniqueId"));
        Ids(await Lea.GetAsync("students", $"studentUniqueId={student}")).Should().BeEmpty("a list shows only the students the key may read");

        await EnrolAsync(Lea, student);

        (await Lea.GetAsync("students/" + id)).Code.Should().Be(200);
        (await Lea.PutAsync("students", id, changed)).Code.Should().Be(204);
        (await Lea.PostAsync("students", changed)).Code.Should().Be(200);
        Ids(await Lea.GetAsync("students", $"studentUniqueId={student}")).Should().Equal(id);
        ShouldBeRefused(await OtherLea.GetAsync("students/" + id), DeniedWithHint, Error(OtherLeaId, "StudentUniqueId"));
    }

    [Test]
    public async Task Deleting_a_student_needs_no_relationship_as_in_the_ods_and_an_enrolled_one_is_held_by_its_enrolment()
    {
        // The ODS's "people" domain: Create and Delete are NoFurtherAuthorizationRequired for a SIS key; its own test
        // When_deleting_unrelated_student_should_fail_with_409_Conflict deletes another key's enrolled student.
        var (_, unenrolled) = await UnenrolledStudentAsync(Lea);
        (await OtherLea.DeleteAsync("students", unenrolled)).Code.Should().Be(204);

        var enrolled = await EnrolledStudentAsync(Lea);
        var id = Ids(await Lea.GetAsync("students", $"studentUniqueId={enrolled}")).Single();
        var refused = await OtherLea.DeleteAsync("students", id);
        refused.Code.Should().Be(409, refused.Text);
        refused.ProblemType.Should().Be("urn:ed-fi:api:data-conflict:dependent-item-exists");
    }

    [Test]
    public async Task A_student_that_does_not_exist_is_refused_as_unrelated_before_its_reference_is_resolved()
    {
        // Ed-Fi-ODS Postman AuthorizationTests: When_associating_an_unexisting_student_should_fail_with_403_forbidden.
        var response = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation("no-such-student"));

        ShouldBeRefused(response, DeniedWithHint, Error(LeaId, "SchoolId", "StudentUniqueId"));
    }

    // ---- records that name a student ----

    [Test]
    public async Task A_section_association_for_a_student_not_enrolled_at_the_keys_schools_is_refused_then_accepted_once_enrolled()
    {
        var (student, _) = await UnenrolledStudentAsync(Lea);
        await EnrolAsync(OtherLea, student, school: OtherLeasSchool);

        ShouldBeRefused(await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student)),
            DeniedWithHint, Error(LeaId, "SchoolId", "StudentUniqueId"));

        await EnrolAsync(Lea, student);

        var accepted = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student));
        accepted.Code.Should().Be(201, accepted.Text);
        (await Lea.GetAsync("studentSectionAssociations/" + accepted.Id)).Code.Should().Be(200);
        ShouldBeRefused(await OtherLea.GetAsync("studentSectionAssociations/" + accepted.Id), DeniedWithHint, Error(OtherLeaId, "SchoolId", "StudentUniqueId"));
    }

    [Test]
    public async Task A_school_attendance_event_for_a_student_not_enrolled_at_the_keys_schools_is_refused_then_accepted_once_enrolled()
    {
        var (student, _) = await UnenrolledStudentAsync(Lea);

        ShouldBeRefused(await Lea.PostAsync("studentSchoolAttendanceEvents", SchoolAttendanceEvent(student)),
            DeniedWithHint, Error(LeaId, "SchoolId", "StudentUniqueId"));

        await EnrolAsync(Lea, student);

        var accepted = await Lea.PostAsync("studentSchoolAttendanceEvents", SchoolAttendanceEvent(student));
        accepted.Code.Should().Be(201, accepted.Text);
        (await Lea.GetAsync("studentSchoolAttendanceEvents/" + accepted.Id)).Code.Should().Be(200);
    }

    [Test]
    public async Task An_education_organization_association_for_a_student_not_enrolled_at_the_keys_schools_is_refused_then_accepted_once_enrolled()
    {
        var (student, _) = await UnenrolledStudentAsync(Lea);

        // The key's own LEA is authorized by its claim alone, so only the student is named.
        ShouldBeRefused(await Lea.PostAsync("studentEducationOrganizationAssociations", EducationOrganizationAssociation(student)),
            DeniedWithHint, Error(LeaId, "StudentUniqueId"));

        await EnrolAsync(Lea, student);

        var accepted = await Lea.PostAsync("studentEducationOrganizationAssociations", EducationOrganizationAssociation(student));
        accepted.Code.Should().Be(201, accepted.Text);
        (await Lea.GetAsync("studentEducationOrganizationAssociations/" + accepted.Id)).Code.Should().Be(200);
    }

    [Test]
    public async Task A_record_is_authorized_on_its_education_organization_too_whatever_the_student()
    {
        var student = await EnrolledStudentAsync(Lea);
        await EnrolAsync(OtherLea, student, school: OtherLeasSchool);

        ShouldBeRefused(await OtherLea.PostAsync("studentEducationOrganizationAssociations", EducationOrganizationAssociation(student, LeaId)),
            DeniedWithHint, Error(OtherLeaId, "EducationOrganizationId", "StudentUniqueId"));
        ShouldBeRefused(await OtherLea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student)),
            DeniedWithHint, Error(OtherLeaId, "SchoolId", "StudentUniqueId"));
    }

    // ---- the enrolment itself ----

    [Test]
    public async Task An_enrolment_is_created_on_its_school_alone_and_another_leas_school_is_refused()
    {
        // primaryRelationships: Create is RelationshipsWithEdOrgsOnly, so only the school is named, with no hint.
        var (student, _) = await UnenrolledStudentAsync(OtherLea);

        ShouldBeRefused(await OtherLea.PostAsync("studentSchoolAssociations", Enrolment(student, PublicSchool)), Denied, Error(OtherLeaId, "SchoolId"));
        (await OtherLea.PostAsync("studentSchoolAssociations", Enrolment(student, OtherLeasSchool))).Code.Should().Be(201);
    }

    [Test]
    public async Task The_relationship_follows_the_enrolments_as_they_move_and_end()
    {
        var (student, id) = await UnenrolledStudentAsync(Lea);
        var first = await Lea.PostAsync("studentSchoolAssociations", Enrolment(student, PublicSchool));
        var second = await Lea.PostAsync("studentSchoolAssociations", Enrolment(student, SecondPublicSchool, "2026-01-05"));
        first.Code.Should().Be(201);
        second.Code.Should().Be(201);

        // A key change (school and entry date) keeps the student at a school of the LEA.
        (await Lea.PutAsync("studentSchoolAssociations", first.Id, Enrolment(student, SecondPublicSchool, "2025-09-02"))).Code.Should().Be(204);
        (await Lea.GetAsync("students/" + id)).Code.Should().Be(200);

        (await Lea.DeleteAsync("studentSchoolAssociations", first.Id)).Code.Should().Be(204);
        (await Lea.GetAsync("students/" + id)).Code.Should().Be(200, "one enrolment is left");

        (await Lea.DeleteAsync("studentSchoolAssociations", second.Id)).Code.Should().Be(204);
        ShouldBeRefused(await Lea.GetAsync("students/" + id), DeniedWithHint, Error(LeaId, "StudentUniqueId"));
        Ids(await Lea.GetAsync("students", $"studentUniqueId={student}")).Should().BeEmpty();
    }

    // ---- two LEAs ----

    [Test]
    public async Task A_student_enrolled_in_two_leas_is_read_by_both_keys_and_each_lists_it()
    {
        var student = await EnrolledStudentAsync(Lea);
        await EnrolAsync(OtherLea, student, school: OtherLeasSchool);
        var id = Ids(await Lea.GetAsync("students", $"studentUniqueId={student}")).Single();

        (await Lea.GetAsync("students/" + id)).Code.Should().Be(200);
        (await OtherLea.GetAsync("students/" + id)).Code.Should().Be(200);
        Ids(await OtherLea.GetAsync("students", $"studentUniqueId={student}")).Should().Equal(id);
        var changed = Student(student);
        changed["middleName"] = "Both";
        (await OtherLea.PutAsync("students", id, changed)).Code.Should().Be(204, "either LEA may update a student it has enrolled");

        // Each key sees its own enrolment only: an enrolment is authorized on its school too.
        (await Lea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json!.AsArray()
            .Select(e => e!["schoolReference"]!["schoolId"]!.GetValue<long>()).Should().Equal(PublicSchool);
        (await OtherLea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json!.AsArray()
            .Select(e => e!["schoolReference"]!["schoolId"]!.GetValue<long>()).Should().Equal(OtherLeasSchool);
    }

    [Test]
    public async Task Lists_of_students_and_of_their_records_do_not_leak_to_a_key_without_a_relationship()
    {
        var ours = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(ours))).Code.Should().Be(201);
        var (theirs, _) = await UnenrolledStudentAsync(OtherLea);
        var theirEnrolment = await OtherLea.PostAsync("studentSchoolAssociations", Enrolment(theirs, OtherLeasSchool));
        var atTheirLea = await OtherLea.PostAsync("studentEducationOrganizationAssociations", EducationOrganizationAssociation(theirs, OtherLeaId));
        atTheirLea.Code.Should().Be(201, atTheirLea.Text);

        var studentsForOthers = await OtherLea.GetAsync("students", $"studentUniqueId={ours}&totalCount=true");
        Ids(studentsForOthers).Should().BeEmpty();
        studentsForOthers.Header("Total-Count").Should().Be("0");
        Ids(await OtherLea.GetAsync("studentSectionAssociations", $"studentUniqueId={ours}")).Should().BeEmpty();
        Ids(await Lea.GetAsync("studentEducationOrganizationAssociations", $"studentUniqueId={theirs}")).Should().BeEmpty();
        var everyStudentOfOurs = (await Lea.GetAsync("students", "limit=500")).Json!.AsArray().Select(s => s!["studentUniqueId"]!.GetValue<string>()).ToList();
        everyStudentOfOurs.Should().Contain(ours).And.NotContain(theirs);

        // Their record stays at their own LEA, but once the student's enrolment ends it is the student that hides it.
        (await OtherLea.DeleteAsync("studentSchoolAssociations", theirEnrolment.Id)).Code.Should().Be(204);
        var withoutEnrolment = await OtherLea.GetAsync("studentEducationOrganizationAssociations", $"studentUniqueId={theirs}&totalCount=true");
        Ids(withoutEnrolment).Should().BeEmpty();
        withoutEnrolment.Header("Total-Count").Should().Be("0");
        ShouldBeRefused(await OtherLea.GetAsync("studentEducationOrganizationAssociations/" + atTheirLea.Id), DeniedWithHint, Error(OtherLeaId, "StudentUniqueId"));

        await EnrolAsync(OtherLea, theirs, school: OtherLeasSchool);
        Ids(await OtherLea.GetAsync("studentEducationOrganizationAssociations", $"studentUniqueId={theirs}")).Should().Equal(atTheirLea.Id);
    }

    [Test]
    public async Task The_l2_data_set_of_an_lea_holds_the_students_its_key_may_read()
    {
        var store = Simulator.State.Year(Year(2026))!;
        IEnumerable<string> Students(long lea) =>
            new StoreDataSet(store, lea, Simulator.State.Schema).Records("students").Select(r => r.Body["studentUniqueId"]!.GetValue<string>());
        var (student, _) = await UnenrolledStudentAsync(Lea);

        Students(LeaId).Should().NotContain(student);
        await EnrolAsync(Lea, student);
        Students(LeaId).Should().Contain(student);
        Students(OtherLeaId).Should().NotContain(student);
        await EnrolAsync(OtherLea, student, school: OtherLeasSchool);
        Students(OtherLeaId).Should().Contain(student);
        new StoreDataSet(store, OtherLeaId, Simulator.State.Schema).Records("schools").Should().NotBeEmpty("DPI's reference data is every LEA's");
    }
}

/// <summary>The plain Ed-Fi ODS/API profile plays a sandbox key: no LEA or relationship checks at all.</summary>
public sealed class SandboxKeyAuthorizationTests : SimulatorTestBase
{
    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with
    {
        Profile = SimulatorProfile.EdFiOds,
        Clients = [new ApiClient("lea-client", "lea-secret-123", LeaId), new ApiClient("other-client", "other-secret-456", 99999)],
    };

    [Test]
    public async Task A_sandbox_key_reads_and_writes_a_student_and_its_records_without_an_enrolment()
    {
        var student = NewStudentId();
        var created = await Lea.PostAsync("students", Student(student));
        created.Code.Should().Be(201);

        (await Lea.GetAsync("students/" + created.Id)).Code.Should().Be(200);
        (await OtherLea.GetAsync("students/" + created.Id)).Code.Should().Be(200);
        (await OtherLea.GetAsync("students", $"studentUniqueId={student}")).Json!.AsArray().Should().ContainSingle();
        var association = await OtherLea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student));
        association.Code.Should().Be(201, association.Text);
        (await Lea.GetAsync("studentSectionAssociations/" + association.Id)).Code.Should().Be(200);
    }
}
