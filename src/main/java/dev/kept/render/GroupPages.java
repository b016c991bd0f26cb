package dev.kept.render;

import dev.kept.model.Group;
import dev.kept.render.view.Card;
import dev.kept.render.view.GroupView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page per group ({@code groups/<slug>/index.html}): the group's tally in words and the cards of
 * its promises, in the charter's order. The tally is the explain stage's ({@link Group#tally()}).
 */
final class GroupPages {
  private GroupPages() {}

  /**
   * Writes every group's page.
   *
   * @param cards every promise's card, by id
   * @return the groups as the index lists them, in the same order
   */
  static List<GroupView> write(List<Group> groups, Map<String, Card> cards, Map<String, Object> common, PageWriter pages)
      throws IOException, ThemeException {
    List<GroupView> views = new ArrayList<>(groups.size());
    for (Group g : groups) {
      GroupView view = Views.group(g);
      views.add(view);
      Map<String, Object> groupPage = new HashMap<>(common);
      groupPage.put("root", SitePaths.rootOf(SitePaths.groupUrl(g.slug())));
      groupPage.put("path", SitePaths.groupUrl(g.slug()));
      groupPage.put("group", view);
      groupPage.put("cards", g.promiseIds().stream().map(cards::get).toList());
      pages.write(SitePaths.groupPage(g.slug()), "group.ftlh", groupPage);
    }
    return views;
  }
}
