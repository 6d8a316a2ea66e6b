package org.renkei.platform.web;

/**
 * A request that breaks a rule of the domain: the message key (and arguments) say which, in the reader's
 * language. Nothing has been written when it is thrown. Pages show it beside the form; the FHIR API answers
 * 400 or 422 with an OperationOutcome.
 */
public class InvalidInputException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidInputException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
