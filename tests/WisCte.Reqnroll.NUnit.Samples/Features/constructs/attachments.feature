@sample @attachments
Feature: Attachments

  Scenario: A step attaches text and JSON to the report
    When the step attaches the note "POST /data/v3/ed-fi/students" and this JSON:
      """json
      {"status": 201, "location": "/data/v3/ed-fi/students/1"}
      """
