@certification @simulator-only
Feature: What certification checks, and why
  Vendors certify the SIS, not the API. In certification the vendor's SIS talks to the simulator, which records every
  request; the harness then judges what the SIS actually sent, use case by use case: the records the use case
  documents (with DPI's rules), and how the SIS behaves on the wire: parents before children, children deleted
  first, changes made in place, back-off after failures, no refused request resent, one token reused.
  Here a scripted SIS plays each use case, correctly or with one mistake, and the judgement says what it found.

  Rule: A SIS that does what DPI documents passes

    Scenario Outline: Use case <use case> played as DPI documents it passes with no finding
      Given a SIS being certified for use case "<use case>"
      When the SIS plays the use case as DPI documents it
      Then certification finds no problem

      Examples:
        | use case |
        | 1.0      |
        | 2.0      |
        | 3.0      |
        | 4.0      |
        | 5.0      |
        | 6.0      |
        | 7.0      |
        | 8.0      |
        | 9.0      |
        | 10.0     |
        | 11.0     |
        | 12.0     |
        | 13.0     |
        | 14.0     |
        | 15.1     |
        | 15.2     |
        | 15.3     |
        | 15.4     |
        | 15.5     |
        | 15.6     |
        | del-15.1 |
        | del-15.2 |
        | 16.1     |
        | 17.1     |
        | 17.2     |
        | 17.3     |
        | 18.1     |
        | 18.2     |
        | 18.3     |

    Scenario: A SIS that retries with back-off and renews its token passes the fault drills
      Given a SIS being certified for use case "1.0"
      When the SIS plays the use case as DPI documents it, through 503s on its first POSTs, an expired token and a dropped connection
      Then certification finds no problem

  Rule: Each mistake is caught, under its use case and rule

    Scenario Outline: A SIS that <mistake> fails use case <use case> under <rule>
      Given a SIS being certified for use case "<use case>"
      When a SIS that "<mistake>" plays it
      Then certification fails use case "<use case>" under rule "<rule>"

      Examples: How the SIS behaves on the wire
        | mistake                                    | use case | rule                                |
        | posts a child before its parent            | 1.0      | CERT-PARENT-FIRST                   |
        | names a section of another school year     | 1.0      | CERT-REFERENCE                      |
        | names a section the school never offered   | 1.0      | CERT-REFERENCE                      |
        | sends a child after its parent was refused | 1.0      | CERT-NO-CHILD-AFTER-REJECTED-PARENT |
        | deletes a parent before its child          | del-15.2 | CERT-DELETE-CHILDREN-FIRST          |
        | updates by DELETE then POST                | 1.0      | CERT-UPDATE-IN-PLACE                |
        | changes an absence date in place           | 15.2     | CERT-KEY-CHANGE                     |
        | retries at once after a 503                | 1.0      | CERT-BACKOFF                        |
        | ignores Retry-After after a 429            | 1.0      | CERT-BACKOFF                        |
        | retries without end                        | 1.0      | CERT-GIVE-UP                        |
        | resends a refused request unchanged        | 2.0      | CERT-NO-RESEND-AFTER-4XX            |
        | fetches a new token for every request      | 1.0      | CERT-TOKEN-REUSE                    |
        | keeps using a refused token                | 1.0      | CERT-RENEW-AFTER-401                |

      Examples: What WISEdata refuses under DPI's rules
        | mistake                                                  | use case | rule                        |
        | names a program of the school rather than DPI's at the LEA | 1.0    | CERT-REFERENCE              |
        | sends a descriptor in the wrong namespace                | 1.0      | CERT-DESCRIPTOR             |
        | sends the Certified program type in 2024-25              | 1.0      | WI-L1-DESCRIPTOR-YEAR       |
        | sends an IRC program name DPI does not list              | 1.0      | WI-L1-PROGRAM-NAME          |
        | sends cipCode in its pre-2025-26 place in 2025-26        | 2.0      | WI-L1-2526-CTE-SERVICES     |
        | sends section programs in DPI's extension in 2025-26     | 4.0      | WI-L1-2526-SECTION-PROGRAMS |
        | sends section programs in core in 2024-25                | 1.0      | CERT-SECTION-PROGRAMS-BEFORE-2526 |
        | leaves out a public school's certificated program status | 2.0      | WI-L1-PUBLIC-REQUIRED       |
        | sends CTE data for a Choice school                       | 2.0      | WI-L1-CHOICE-NO-CTE         |

      Examples: What the use case requires to arrive
        | mistake                                                             | use case | rule                        |
        | reports participation without the student's CTE program association | 1.0      | WI-L2-16.1                  |
        | leaves out an 11th grader's single-parent status                    | 1.0      | WI-L2-17.2                  |
        | reports WBL on a section instead of on the CTE association          | 2.0      | CERT-2.0-ASSOCIATION        |
        | never corrects the absence                                          | 15.2     | CERT-15.2-DELETE-AND-CREATE |
        | reports a day in attendance                                         | 15.1     | CERT-15.1-NEGATIVE-ONLY     |
        | reports the certificated program status on a grade                  | 11.0     | CERT-11.0-NO-STATUS-ON-GRADES |
        | never deletes the mistaken CTE program association                  | del-15.1 | CERT-DEL-15.1-DELETE        |
        | sends a student without a birth date                                | 1.0      | CERT-REFUSED                |
        | puts the certificated status on the student's coursework enrolment  | 1.0      | CERT-1.0-STATUS-ON-PRIMARY  |
        | reports a concentrator without a pathway                            | 17.1     | WI-L2-17.1                  |
        | offers the roster code DPI marked DO NOT USE                        | 18.1     | WI-L2-18-DEPRECATED-COURSE  |

  Rule: Where DPI only advises, or its own sample does otherwise, the finding is a warning and the use case passes

    Scenario Outline: A SIS that <mistake> passes use case <use case> with a warning under <rule>
      Given a SIS being certified for use case "<use case>"
      When a SIS that "<mistake>" plays it
      Then certification passes use case "<use case>" with a warning under rule "<rule>"

      Examples:
        | mistake                                 | use case | rule                  |
        | lowers a completed status to Continuing | 2.0      | CERT-STATUS-DOWNGRADE |
        | keeps two statuses for one IRC program  | 11.0     | WI-L2-6794            |
        | reports a WBL program in 2023-24        | 3.0      | WI-L2-WBL-BEFORE-2025 |

  Rule: A SIS that comes close to a rule without breaking it is not caught under that rule

    Scenario Outline: A SIS that <near miss> is not caught under <rule>
      Given a SIS being certified for use case "<use case>"
      When a SIS that "<near miss>" plays it, close to a rule
      Then certification reports nothing under rule "<rule>"

      Examples:
        | near miss                                                                                           | use case | rule                                |
        | names a section of another school year                                                              | 1.0      | CERT-PARENT-FIRST                   |
        | posts a child before its parent                                                                     | 1.0      | CERT-REFERENCE                      |
        | deletes a grade before its section association                                                      | del-15.2 | CERT-DELETE-CHILDREN-FIRST          |
        | deletes a section association again once its grade is gone                                          | del-15.2 | CERT-NO-RESEND-AFTER-4XX            |
        | corrects an absence date by deleting it and creating the corrected one                              | 15.2     | CERT-KEY-CHANGE                     |
        | deletes and re-creates an absence, as DPI asks                                                      | 15.2     | CERT-UPDATE-IN-PLACE                |
        | changes a status in place with a second POST                                                        | 5.0      | CERT-UPDATE-IN-PLACE                |
        | spells DPI's program type namespace in another case                                                 | 1.0      | CERT-DESCRIPTOR                     |
        | sends every member WISEdata requires                                                                | 1.0      | CERT-REFUSED                        |
        | corrects a refused student before sending its enrolment                                             | 1.0      | CERT-NO-CHILD-AFTER-REJECTED-PARENT |
        | retries a 503 after growing delays                                                                  | 1.0      | CERT-BACKOFF                        |
        | waits as long as Retry-After says                                                                   | 1.0      | CERT-BACKOFF                        |
        | gives up after four attempts and tells the LEA                                                      | 1.0      | CERT-GIVE-UP                        |
        | renews its token once it expires, and keeps the new one                                             | 1.0      | CERT-TOKEN-REUSE                    |
        | fetches a new token after a 401                                                                     | 1.0      | CERT-RENEW-AFTER-401                |
        | reports an unexcused absence                                                                        | 15.1     | CERT-15.1-NEGATIVE-ONLY             |
        | reports a grade without a status, and the status on the CTE association                             | 11.0     | CERT-11.0-NO-STATUS-ON-GRADES       |
        | sends section programs in DPI's extension in 2023-24                                                | 14.0     | CERT-SECTION-PROGRAMS-BEFORE-2526   |
        | puts a coursework student's status on the primary enrolment's school                                | 1.0      | CERT-1.0-STATUS-ON-PRIMARY          |
        | puts a status on the coursework school of a home-schooled student (no primary enrolment in the LEA) | 2.0      | CERT-1.0-STATUS-ON-PRIMARY          |
        | raises a status from Continuing to Completed                                                        | 5.0      | CERT-STATUS-DOWNGRADE               |
        | sends an IRC program name DPI lists                                                                 | 1.0      | WI-L1-PROGRAM-NAME                  |
        | sends the program service in cteProgramServices in 2025-26                                          | 2.0      | WI-L1-2526-CTE-SERVICES             |
        | sends section programs in core in 2025-26                                                           | 4.0      | WI-L1-2526-SECTION-PROGRAMS         |
        | sends a public school's status, program area and pathway                                            | 2.0      | WI-L1-PUBLIC-REQUIRED               |
        | enrols a Choice school student without CTE data                                                     | 2.0      | WI-L1-CHOICE-NO-CTE                 |
        | sends the Certified program type in 2023-24                                                         | 12.0     | WI-L1-DESCRIPTOR-YEAR               |
        | reports participation with the student's CTE program association                                    | 1.0      | WI-L2-16.1                          |
        | reports a concentrator with program area and pathway                                                | 17.1     | WI-L2-17.1                          |
        | leaves out a 10th grader's single-parent status                                                     | 1.0      | WI-L2-17.2                          |
        | reports a WBL program in 2025-26                                                                    | 3.0      | WI-L2-WBL-BEFORE-2025               |
        | offers DPI's new roster code                                                                        | 18.1     | WI-L2-18-DEPRECATED-COURSE          |
        | updates its one status for an IRC program in place                                                  | 11.0     | WI-L2-6794                          |
