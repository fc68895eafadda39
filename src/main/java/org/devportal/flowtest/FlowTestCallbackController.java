package org.devportal.flowtest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's test callback. The sandbox issuer redirects the developer's browser here, inside their portal
 * session; the code goes to the run that waits for this {@code state}, which must be one the signed-in user
 * started, and the tab says it can be closed. The page never shows the code.
 */
@RestController
class FlowTestCallbackController {

    private final FlowTests flowTests;

    FlowTestCallbackController(FlowTests flowTests) {
        this.flowTests = flowTests;
    }

    @GetMapping(value = FlowTests.CALLBACK_PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(HttpServletRequest request) {
        Optional<StepOutcome> outcome = flowTests.receiveCallback(request.getQueryString());
        String title;
        String text;
        if (outcome.isEmpty()) {
            title = "No test is waiting for this callback";
            text = "The test run was cancelled, has expired, already has its code, or was started by someone else. "
                    + "Start a new run on the client's flow test page.";
        } else {
            title = "You can close this tab";
            text = "The flow test has the callback and shows what it found: "
                    + outcome.get().message();
        }
        String page =
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                        + "</title></head><body style=\"font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 36rem\">"
                        + "<h1 id=\"flowtest-callback-title\">" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                        + HtmlUtils.htmlEscape(text) + "</p></body></html>";
        return ResponseEntity.status(outcome.isEmpty() ? 404 : 200)
                .cacheControl(CacheControl.noStore())
                .body(page);
    }
}
