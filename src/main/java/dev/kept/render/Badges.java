package dev.kept.render;

import static dev.kept.render.SiteRenderer.fill;

import dev.kept.render.view.Card;
import java.util.Locale;
import java.util.Map;

/**
 * A promise's badge: an SVG a team can show elsewhere, with the headline verdict in words and, when
 * there is a rate, the rate with its denominator (H4, H14). Made from the promise's card, so it
 * says what the index says.
 */
final class Badges {
  private Badges() {}

  /** The badge of the promise whose card this is, as SVG text. */
  static String svg(Card card, Map<String, String> t) {
    String right =
        card.figure().isEmpty()
            ? card.label()
            : fill(t.get("badge_figure"), Map.of("figure", card.figure(), "denominator", card.denominator(), "label", card.label().toLowerCase(Locale.ROOT)));
    return Charts.badge(card.title(), right, card.verdictClass(), card.title() + ": " + right);
  }
}
