using System.Globalization;
using System.Text;
using WisCte.Certification.UseCases;
using WisCte.Dpi.L1;
using WisCte.Dpi.L2;

namespace WisCte.Certification.Rules;

/// <summary>What a vendor's engineer fixes when a rule fires: each rule id names one cause.</summary>
public enum Cause
{
    /// <summary>Records sent or deleted in the wrong order.</summary>
    Order,

    /// <summary>A reference naming a record that never exists (a wrong key, another year, another organisation).</summary>
    Reference,

    /// <summary>A descriptor value that does not exist, or not in that school year.</summary>
    Descriptor,

    /// <summary>How a record is changed: in place, or deleted and created.</summary>
    Update,

    /// <summary>What the SIS does after a failure or a refusal.</summary>
    Retry,

    /// <summary>How the SIS gets and keeps its OAuth token.</summary>
    Token,

    /// <summary>What a record says, or where it says it.</summary>
    Content,

    /// <summary>What the use case must leave in WISEdata, and did not.</summary>
    Outcome,
}

/// <summary>Why a rule has its severity: the kind of words its source uses. The severity follows from it.</summary>
public enum Basis
{
    /// <summary>DPI instructs (required, must, do not, needs to, has to, should, expects, or the imperative): an error.</summary>
    Instruction,

    /// <summary>WISEdata refuses the request (a DPI L1 rule or the Ed-Fi ODS/API): an error, the record is not there.</summary>
    Refusal,

    /// <summary>The protocol the SIS speaks (HTTP, OAuth 2.0, Ed-Fi's API semantics): an error.</summary>
    Protocol,

    /// <summary>DPI advises, or shows a warning the LEA may acknowledge: a warning.</summary>
    Advice,

    /// <summary>DPI's own sample does what its table forbids: a warning, not a failure.</summary>
    Contradicted,

    /// <summary>DPI derives it; the LEA sends nothing for it: information, never a finding.</summary>
    Derived,
}

/// <summary>
/// One rule the judgement applies: its stable id, the cause it names, the words (DPI's sentence or the Ed-Fi/HTTP source)
/// it comes from, and the resources whose findings it reports (null: any request). The severity follows from the basis.
/// </summary>
/// <param name="Word">The word of <paramref name="Source"/> that sets the severity (quoted there), or the status WISEdata refuses with.</param>
/// <param name="UseCase">For a use case's expectation: the use case it belongs to.</param>
public sealed record RuleEntry(string Id, Cause Cause, Basis Basis, string Word, string Source, IReadOnlyList<string>? Resources = null, string? UseCase = null)
{
    public FindingSeverity Severity => Basis switch
    {
        Basis.Advice or Basis.Contradicted => FindingSeverity.Warning,
        Basis.Derived => FindingSeverity.Info,
        _ => FindingSeverity.Error,
    };

    /// <summary>The use cases a finding of this rule can belong to (those using one of its resources; its own for an expectation).</summary>
    public IReadOnlyList<string> UseCases =>
        UseCase is not null ? [UseCase]
        : [.. UseCaseCatalog.All.Where(u => Resources is null || u.Resources.Any(r => Resources.Contains(r, StringComparer.OrdinalIgnoreCase))).Select(u => u.Id)];
}

/// <summary>
/// Every rule the judgement applies, in one table: the behaviour rules, DPI's instructions no push-time rule enforces,
/// DPI's L1 and L2 rules (their sources are kept with the rules in WisCte.Dpi), and each use case's expectations with
/// the DPI sentence each comes from. The README's rule table is <see cref="Markdown"/>; a guard test keeps them equal.
/// </summary>
public static class RuleCatalog
{
    private const string Cte = "studentCTEProgramAssociations";
    private const string SectionAssociations = "studentSectionAssociations";
    private const string Attendance = "studentSchoolAttendanceEvents";

    // Behaviour on the wire: the Ed-Fi ODS/API, HTTP and OAuth 2.0.
    public static readonly RuleEntry ParentFirst = new("CERT-PARENT-FIRST", Cause.Order, Basis.Refusal, "409",
        "Ed-Fi ODS/API: a write naming a record it does not hold is refused with 409 urn:ed-fi:api:data-conflict:unresolved-reference. The SIS sent the record later: it sent a child before its parent.");
    public static readonly RuleEntry Reference = new("CERT-REFERENCE", Cause.Reference, Basis.Refusal, "409",
        "Ed-Fi ODS/API: the same 409 unresolved-reference, for a record the SIS never sent in the run: a wrong key, another school year's section or session, a program of another organisation.");
    public static readonly RuleEntry DeleteChildrenFirst = new("CERT-DELETE-CHILDREN-FIRST", Cause.Order, Basis.Instruction, "Delete the dependent resource before",
        "DPI del-15.2: 'Delete the dependent resource before deleting the studentsectionAssociation'; the Ed-Fi ODS/API refuses the other order with 409 urn:ed-fi:api:data-conflict:dependent-item-exists.");
    public static readonly RuleEntry KeyChange = new("CERT-KEY-CHANGE", Cause.Update, Basis.Instruction, "follow these two steps",
        "DPI 15.2: 'To update a student's attendance, follow these two steps: 1) Delete the inaccurate record, and 2) Create a new record with the correct date.' The Ed-Fi ODS/API refuses a changed key of an attendance event (400 key-change-not-supported).",
        [Attendance]);
    public static readonly RuleEntry Descriptor = new("CERT-DESCRIPTOR", Cause.Descriptor, Basis.Refusal, "400",
        "Ed-Fi ODS/API: a descriptor value it does not hold is refused (400 data-validation-failed, '… Descriptor value … does not exist'). DPI's values are in the uri://dpi.wi.gov/ namespaces of DPI's page (Descriptors & Programs).");
    public static readonly RuleEntry Refused = new("CERT-REFUSED", Cause.Content, Basis.Refusal, "4xx",
        "Ed-Fi ODS/API: any other refused write (400 data validation: a malformed value, a missing required member; 403; 404; 405): WISEdata does not hold the record.");
    public static readonly RuleEntry NoChildAfterRejectedParent = new("CERT-NO-CHILD-AFTER-REJECTED-PARENT", Cause.Order, Basis.Protocol, "",
        "Ed-Fi ODS/API semantics: a record naming a parent WISEdata refused is refused too (409 unresolved reference) or attaches to stale data: fix the parent first.");
    public static readonly RuleEntry UpdateInPlace = new("CERT-UPDATE-IN-PLACE", Cause.Update, Basis.Protocol, "",
        "Ed-Fi ODS/API semantics: PUT by id (or POST upsert by natural key) updates a record in place, keeping its id; DELETE then POST of the same record loses its id and leaves a gap. Attendance events and sessions excepted: DPI 15.2 asks for delete and create.");
    public static readonly RuleEntry BackOff = new("CERT-BACKOFF", Cause.Retry, Basis.Protocol, "",
        "HTTP (RFC 9110 §10.2.3 Retry-After; 503, 429) and Ed-Fi's client guidance: retry a 5xx, a 429 or a dropped connection after a delay (not within 100 ms), with growing delays, never before Retry-After.");
    public static readonly RuleEntry GiveUp = new("CERT-GIVE-UP", Cause.Retry, Basis.Protocol, "",
        "Ed-Fi's client guidance: give up on a failing request after a bound (here at most 6 attempts) so the LEA sees the failure.");
    public static readonly RuleEntry NoResendAfterRefusal = new("CERT-NO-RESEND-AFTER-4XX", Cause.Retry, Basis.Protocol, "",
        "HTTP (RFC 9110 §15.5): a 4xx is the client's error; the same request sent again unchanged, with nothing the SIS wrote in between to make it succeed, is refused again.");
    public static readonly RuleEntry TokenReuse = new("CERT-TOKEN-REUSE", Cause.Token, Basis.Protocol, "",
        "OAuth 2.0 (RFC 6749 §5.1 expires_in) as the Ed-Fi ODS/API issues it: a token lasts its lifetime (an hour); each worker reuses its token until it expires or is refused. Parallel workers may each hold one.");
    public static readonly RuleEntry RenewAfterUnauthorized = new("CERT-RENEW-AFTER-401", Cause.Token, Basis.Protocol, "",
        "OAuth 2.0 bearer tokens (RFC 6750 §3.1 invalid_token): after a 401 the SIS gets a new token; a request sent with the refused token after its 401 came back is a token kept in use.");

    // DPI's instructions that WISEdata accepts at push time: judged on what the SIS sent or left.
    public static readonly RuleEntry NegativeAttendanceOnly = new("CERT-15.1-NEGATIVE-ONLY", Cause.Content, Basis.Instruction, "should only",
        "DPI 15.1: 'SIS/LEAs should only report negative attendance for students marked \"Excused Absence\", \"Excused Absence\", etc.' and 'Note: \"positive\" attendance is not captured'.",
        [Attendance]);
    public static readonly RuleEntry NoStatusOnGrades = new("CERT-11.0-NO-STATUS-ON-GRADES", Cause.Content, Basis.Instruction, "Do not submit",
        "DPI 11.0 and 12.0: 'Note: Do not submit certificated program status for Certified program on /grades from 21-22SY'.",
        ["grades"]);
    public static readonly RuleEntry SectionProgramsBefore2526 = new("CERT-SECTION-PROGRAMS-BEFORE-2526", Cause.Content, Basis.Instruction, "REQ'D",
        "DPI data properties 18.0 and 19.0: 'programName (moved to core starting 2025-26) | string | REQ'D' and 'programTypeDescriptor (moved to core starting 2025-26) | string | REQ'D': before 2025-26 DPI reads them in its extension (_ext.WI.programs), so programs sent in core are never read.",
        [SectionAssociations]);
    public static readonly RuleEntry StatusOnPrimaryEnrolment = new("CERT-1.0-STATUS-ON-PRIMARY", Cause.Content, Basis.Instruction, "is assigned to the primary enrollment",
        "DPI 1.0 and 2.0: 'For students with Coursework enrollment type, the Certificated Program Status is assigned to the primary enrollment.' A status on the CTE association of a school where the student's enrolment is Coursework, while the student has a primary (P or M) enrolment at another of the LEA's schools, is on the wrong enrolment.",
        [Cte]);
    public static readonly RuleEntry StatusDowngrade = new("CERT-STATUS-DOWNGRADE", Cause.Content, Basis.Advice, "advised",
        "DPI 5.0: 'The LEA is advised to submit the most accurate status'; 11.0: 'LEA should submit the best status.' A completed status (A or D) later overwritten with Continuing or Exited is a downgrade to review (a warning: it may correct an entry error).",
        [Cte]);

    // DPI's L1 rules (refused at push): their sources are kept with the rules.
    private static readonly Dictionary<string, (Cause Cause, string[] Resources)> L1 = new(StringComparer.Ordinal)
    {
        ["WI-L1-PROGRAM-NAME"] = (Cause.Content, [Cte, SectionAssociations]),
        ["WI-L1-2526-CTE-SERVICES"] = (Cause.Content, [Cte]),
        ["WI-L1-2526-SECTION-PROGRAMS"] = (Cause.Content, [SectionAssociations]),
        ["WI-L1-PUBLIC-REQUIRED"] = (Cause.Content, [Cte]),
        ["WI-L1-CHOICE-NO-CTE"] = (Cause.Content, [Cte, SectionAssociations]),
    };

    public static readonly RuleEntry DescriptorYear = new(L1RuleSet.DescriptorYearRule, Cause.Descriptor, Basis.Refusal, "400",
        "DPI page, use cases 2.0 and 3.0: 'Starting 24-25 SY, the program type \"certified\" is updated to \"IRC\"', '… \"non-certified\" is updated to \"WBL\"'; descriptor table: 'CareerPathwayDescriptor (from 2024-25 and prior)', 'cteProgramServiceDescriptor (from 2025-26 onward)'. WISEdata refuses a descriptor outside its school years.");

    // DPI's L2 rules (run over what the SIS stored): basis and word here, sources with the rules.
    private static readonly Dictionary<string, (Cause Cause, Basis Basis, string Word, string Resource)> L2 = new(StringComparer.Ordinal)
    {
        ["WI-L2-16.1"] = (Cause.Content, Basis.Instruction, "validation error", SectionAssociations),
        ["WI-L2-17.1"] = (Cause.Content, Basis.Instruction, "make sure", Cte),
        ["WI-L2-17.2"] = (Cause.Content, Basis.Instruction, "required", Cte),
        ["WI-L2-17.3"] = (Cause.Content, Basis.Derived, "is identified as", SectionAssociations),
        ["WI-L2-WBL-BEFORE-2025"] = (Cause.Descriptor, Basis.Contradicted, "sample", SectionAssociations),
        ["WI-L2-18-DEPRECATED-COURSE"] = (Cause.Content, Basis.Instruction, "needs to", "courseOfferings"),
        ["WI-L2-6794"] = (Cause.Content, Basis.Advice, "warning", Cte),
    };

    // Each use case's expectations: the sentence of DPI's page it comes from and its word.
    private static readonly Dictionary<string, (string Word, string Quote)> Expectations = new(StringComparer.Ordinal)
    {
        ["CERT-1.0-PARTICIPATION"] = ("expects", "DPI 1.0: 'DPI expects SIS/LEA to transmit student participation in a program using the /studentsectionAssociation.'"),
        ["CERT-1.0-STATUS"] = ("POST on", "DPI 1.0: 'If certified CE program reported at student-level, then POST on /studentsectionAssociation: AND POST on /studentCTEProgramAssociation'."),
        ["CERT-2.0-ASSOCIATION"] = ("POST on", "DPI 2.0: 'If certified CE program reported at course-level, then POST on /studentCTEProgramAssociation'."),
        ["CERT-3.0-PARTICIPATION"] = ("POST on", "DPI 3.0: 'If non-certified CE program reported at course level then POST on /studentsectionAssociation: AND POST on /studentCTEProgramAssociation'."),
        ["CERT-4.0-DUAL"] = ("POST on", "DPI 4.0: 'If reported at student-level then POST on /studentsectionAssociation'."),
        ["CERT-5.0-COMPLETED"] = ("should", "DPI 5.0: 'if a student completes one and continues to another, they should mark the certificated program status as 'Completed.''"),
        ["CERT-6.0-TWO-ENROLMENTS"] = ("should", "DPI 6.0: 'the SIS ends the initial student section and creates a new student section with a new start date. In both instances, the student section should be associated with student program participation.'"),
        ["CERT-7.0-PARTICIPATION"] = ("expecting", "DPI 7.0: 'That is why DPI is expecting LEA and SIS to send student participation in a program and not course association to program'."),
        ["CERT-8.0-ASSOCIATION"] = ("is reported on", "DPI 8.0: 'So student program status is reported on /SCTEPA'."),
        ["CERT-9.0-YOUTH-APPRENTICESHIP"] = ("submit", "DPI 9.0: 'Via API submit /studentCTEProgramAssociation for each certified program name.'"),
        ["CERT-10.0-BOTH"] = ("submit", "DPI 10.0: 'Both certified and non-certified career education program can be reported at student-level and program-level.' 'If reported at student level then submit /studentSectionAssociation'."),
        ["CERT-11.0-COMPLETED"] = ("should", "DPI 11.0: 'LEA should submit the best status.' 'Via API submit certificated program status as 'Completed' on /studentCTEProgramAssociation.'"),
        ["CERT-12.0-COMPLETED"] = ("should", "DPI 12.0 (2023-24 SY and Prior): 'LEA should submit the best status.' 'Via API submit certificated program status as 'Completed' on /studentCTEProgramAssociation.'"),
        ["CERT-13.0-TWO-ENROLMENTS"] = ("On both", "DPI 13.0 (2023-24 SY and Prior): 'SIS ends the first student section and creates a new student section with new begin date. On both the student section associate student program participation'."),
        ["CERT-14.0-NON-CERTIFIED"] = ("only if", "DPI 14.0 (2023-24 SY and Prior): 'Report non-certified career education programs only if the program meets the following criteria'."),
        ["CERT-15.1-ABSENCE"] = ("is submitted", "DPI 15.1: 'A separate studentSchoolAttendanceEvent record is submitted for each student, each school of enrollment, and each date on which the student was absent for all or part of the day.'"),
        ["CERT-15.2-DELETE-AND-CREATE"] = ("follow these two steps", "DPI 15.2: 'To update a student's attendance, follow these two steps: 1) Delete the inaccurate record, and 2) Create a new record with the correct date.'"),
        ["CERT-15.3-RECEIVING-SERVICE"] = ("should", "DPI 15.3: 'the countDateReceivingServiceDescriptor should be reported as Present or Absent.'"),
        ["CERT-15.4-MEMBERSHIP"] = ("are reported with", "DPI 15.4: 'students who are outside of the age requirement that must be met for grade levels are reported with a 'membership' enrollment type. These students will have one of the following residency statuses: R-OUTSIDEAGE, or NR-OUTSIDEAGE.'"),
        ["CERT-15.4-ABSENCE"] = ("POST on", "DPI 15.4: 'POST on /studentSchoolAttendanceEvent: POST on /studentSchoolAssociation:'."),
        ["CERT-15.5-COURSEWORK"] = ("will have", "DPI 15.5: 'students who are primarily homeschooled or enrolled in a private school but taking classes in a public school … These students will have one of the following residency statuses: R-HOME, R-PRIVATE, and NR-HOME.'"),
        ["CERT-15.5-ABSENCE"] = ("should", "DPI 15.5: 'students who are primarily homeschooled or enrolled in a private school but taking classes in a public school should have an attendance event.'"),
        ["CERT-15.6-COURSEWORK"] = ("will have", "DPI 15.6: 'These students will have one of the following residency statuses: R-HOME, R-PRIVATE, and NR-HOME.' (NR-HOME: a non-resident home-schooled student.)"),
        ["CERT-15.6-ABSENCE"] = ("should", "DPI 15.6: 'students who are primarily homeschooled or enrolled in a private school but taking classes in a public school should have an attendance event.'"),
        ["CERT-DEL-15.1-DELETE"] = ("delete", "DPI del-15.1: 'Via API delete /studentCTEProgramAssociation for the program that was submitted by mistake.'"),
        ["CERT-DEL-15.2-GRADE"] = ("first delete", "DPI del-15.2: 'If grades resource was submitted for student section then first delete /grade and the delete studentsectionAssociation'."),
        ["CERT-DEL-15.2-SECTION"] = ("delete studentsectionAssociation", "DPI del-15.2: 'If grades resource was submitted for student section then first delete /grade and the delete studentsectionAssociation'."),
        ["CERT-16.1-PARTICIPATION"] = ("is reported on", "DPI 16.1: 'Student program participation is reported on /studentSection' and 'The actual student participation in the program with the status is reported on /SCTEPA'."),
        ["CERT-17.1-CONCENTRATOR"] = ("submit", "DPI 17.1: 'If student is identified as qualifying for CTE concentrator then submit /SCTEPA'; 'More than one Program Area can be reported'."),
        ["CERT-17.2-CHARACTERISTICS"] = ("required", "DPI 17.2: 'Single Parent status is required for CTE data reporting and therefore is required for all 11th and 12th grade students.'"),
        ["CERT-17.3-CTE-GRADE"] = ("based on the Roster data", "DPI 17.3: 'LEA does not report the CTE Participant. DPI identifies the participant based on the Roster data of the student.' The roster must hold a grade in a CTE course."),
        ["CERT-18.1-NEW-ROSTER-CODE"] = ("needs to", "DPI 18.1: 'DPI is spinning the courses with CTE flag to have new Roster code with non CTE flag. LEA needs to use the new Roster code.'"),
        ["CERT-18.2-CTE-GRADE"] = ("has to", "DPI 18.2: 'In this case LEA still has to pick a CTE course that matches the description of the local course offered.'"),
        ["CERT-18.3-COURSES-READ"] = ("need to", "DPI 18.3: 'Vendors pulling courses from API need to make sure that new Roster courses code are populated in their SIS with the new identification code'."),
    };

    /// <summary>Every rule, in the table's order: behaviour, DPI's instructions, L1, L2, then each use case's expectations.</summary>
    public static IReadOnlyList<RuleEntry> All { get; } = Build();

    private static readonly Dictionary<string, RuleEntry> ById = All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public static RuleEntry? Find(string id) => ById.GetValueOrDefault(id);

    public static RuleEntry Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"Rule {id} is not in the rule catalogue (src/WisCte.Certification/Rules/RuleCatalog.cs).");

    /// <summary>The rules whose findings can belong to a use case: the ones about its resources, and its own expectations.</summary>
    public static IEnumerable<RuleEntry> For(string useCaseId) =>
        All.Where(e => e.Severity != FindingSeverity.Info && e.UseCases.Contains(useCaseId, StringComparer.OrdinalIgnoreCase));

    private static List<RuleEntry> Build()
    {
        var entries = new List<RuleEntry>
        {
            ParentFirst, Reference, DeleteChildrenFirst, KeyChange, Descriptor, Refused, NoChildAfterRejectedParent, UpdateInPlace,
            BackOff, GiveUp, NoResendAfterRefusal, TokenReuse, RenewAfterUnauthorized,
            NegativeAttendanceOnly, NoStatusOnGrades, SectionProgramsBefore2526, StatusOnPrimaryEnrolment, StatusDowngrade,
        };
        foreach (var rule in L1RuleSet.Dpi.Rules)
        {
            var (cause, resources) = Row(L1, rule.Id, $"DPI L1 rule {rule.Id}");
            entries.Add(new RuleEntry(rule.Id, cause, Basis.Refusal, "400", rule.Source, resources));
        }
        entries.Add(DescriptorYear);
        foreach (var rule in L2RuleSet.Dpi.Rules)
        {
            var (cause, basis, word, resource) = Row(L2, rule.Code, $"DPI L2 rule {rule.Code}");
            entries.Add(new RuleEntry(rule.Code, cause, basis, word, rule.Source, [resource]));
        }
        foreach (var useCase in UseCaseCatalog.All)
        {
            foreach (var expectation in useCase.Expectations)
            {
                var (word, quote) = Row(Expectations, expectation.RuleId, $"Use case {useCase.Id}'s expectation {expectation.RuleId}");
                entries.Add(new RuleEntry(expectation.RuleId, Cause.Outcome, Basis.Instruction, word, quote, useCase.Resources, useCase.Id));
            }
        }
        return entries;
    }

    private static T Row<T>(Dictionary<string, T> rows, string id, string what) =>
        rows.TryGetValue(id, out var row) ? row : throw new InvalidOperationException($"{what} has no row in the rule catalogue.");

    /// <summary>The rule table as the README shows it.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| rule | cause | severity | why that severity | source | use cases |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var e in All)
        {
            var basis = e.Word.Length > 0 ? $"{e.Basis}: '{e.Word}'" : e.Basis.ToString();
            var useCases = e.UseCase ?? (e.Resources is null ? "every use case" : string.Join(", ", e.UseCases));
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{e.Id}` | {e.Cause} | {e.Severity} | {Cell(basis)} | {Cell(e.Source)} | {useCases} |");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
