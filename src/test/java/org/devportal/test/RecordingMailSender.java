package org.devportal.test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Stands in for the external SMTP server: keeps every message so tests can read the links in them. */
public final class RecordingMailSender extends JavaMailSenderImpl {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

    public RecordingMailSender() {
        setHost("smtp.test");
    }

    @Override
    public void send(SimpleMailMessage... messages) {
        sent.addAll(List.of(messages));
    }

    public List<SimpleMailMessage> sentTo(String address) {
        return sent.stream()
                .filter(m -> m.getTo() != null && List.of(m.getTo()).contains(address))
                .toList();
    }

    /** The token of the last link to the given path in a message to the address. */
    public String lastToken(String address, String path) {
        String link = lastLink(address, path)
                .orElseThrow(() -> new AssertionError("No " + path + " link sent to " + address));
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The last link to the given path in a message to the address. */
    public Optional<String> lastLink(String address, String path) {
        List<SimpleMailMessage> messages = sentTo(address);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Matcher matcher = LINK.matcher(messages.get(i).getText());
            while (matcher.find()) {
                if (matcher.group().contains(path)) {
                    return Optional.of(matcher.group());
                }
            }
        }
        return Optional.empty();
    }
}
