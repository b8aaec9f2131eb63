package io.blueflash.trace;

import java.util.Objects;

/**
 * Where a public manual describes a step: "PM0075 §2.3.1 Unlocking the Flash memory". The title is
 * given with the number so a reader finds the place in any revision of the document.
 *
 * @param document the manual's name ("RM0008", "PM0075", "ADIv5.2 (IHI 0031)", "DDI0403E")
 * @param section  the section number, without "§"
 * @param title    the section's title
 */
public record ManualReference(String document, String section, String title) {

    public ManualReference {
        Objects.requireNonNull(document, "'document' must not be null");
        Objects.requireNonNull(section, "'section' must not be null");
        Objects.requireNonNull(title, "'title' must not be null");
    }

    @Override
    public String toString() {
        return document + " §" + section + " " + title;
    }
}
