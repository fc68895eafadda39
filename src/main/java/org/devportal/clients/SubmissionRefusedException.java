package org.devportal.clients;

import java.util.List;

/** A submission for review failed the completeness checklist or the production rules; one problem per field. */
public class SubmissionRefusedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public SubmissionRefusedException(List<FieldProblem> problems) {
        super("The client is not ready for review: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** What is wrong with one field, and how to fix it. */
    public record FieldProblem(String field, String label, String message) {}
}
