package org.renkei.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.renkei.platform.database.RecheckRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages: a broken rule that a form did not catch itself becomes a readable 400 page; a missing thing a 404 page. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    private final MessageSource messages;

    PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message",
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
        return "problem";
    }

    @ExceptionHandler(UnavailableException.class)
    String unavailable(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("message",
                messages.getMessage("error.unavailable", null, LocaleContextHolder.getLocale()));
        return "problem";
    }

    @ExceptionHandler(RecheckRefusedException.class)
    String refused(RecheckRefusedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        e.addHeaderTo(response::setHeader);
        model.addAttribute("message",
                messages.getMessage("error.requestRefused", null, LocaleContextHolder.getLocale()));
        return "problem";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message",
                messages.getMessage("error.notFound", null, LocaleContextHolder.getLocale()));
        return "problem";
    }
}
