package backstop.web;

import backstop.web.ApiDocument.Operation;
import java.util.List;

/** The API page: every documented operation. */
public record ApiDocsView(List<Operation> operations) {}
