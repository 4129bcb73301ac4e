@sample @outcome-pending
Feature: Pending steps

  Scenario: A step still being written
    Given a step still being written
