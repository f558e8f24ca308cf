package backstop.share.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against base R4, fully offline (the chain that works without a network, see
 * LIBRARIES.md), with Backstop's published intake Questionnaires so responses are checked against them. Slow to
 * build (2–3 s): one per test class.
 */
final class FhirValidation {
    private final FhirValidator validator;

    FhirValidation(List<org.hl7.fhir.r4.model.Questionnaire> questionnaires) {
        FhirContext context = FhirExport.context();
        IValidationSupport ours = new Questionnaires(context, questionnaires);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                ours);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(module);
    }

    /** Backstop's intake Questionnaires, found by {@code url} and by {@code url|version}. */
    private record Questionnaires(FhirContext context, List<org.hl7.fhir.r4.model.Questionnaire> all)
            implements IValidationSupport {
        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            if (uri == null || type != null && !type.isAssignableFrom(org.hl7.fhir.r4.model.Questionnaire.class)) {
                return null;
            }
            for (var questionnaire : all) {
                if (uri.equals(questionnaire.getUrl() + "|" + questionnaire.getVersion())) {
                    return type == null ? null : type.cast(questionnaire);
                }
            }
            return null;
        }
    }

    List<SingleValidationMessage> validate(String json) {
        return validator.validateWithResult(json).getMessages();
    }

    static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    static String describe(List<SingleValidationMessage> messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> text.append(m.getSeverity())
                .append(' ')
                .append(m.getLocationString())
                .append(": ")
                .append(m.getMessage())
                .append('\n'));
        return text.toString();
    }
}
