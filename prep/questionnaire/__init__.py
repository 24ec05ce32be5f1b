"""The questionnaire: its model, the definition, the flow and the forms built from it."""
