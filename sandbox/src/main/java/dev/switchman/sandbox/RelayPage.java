package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay connections over a list: {@code first/after} and {@code last/before}; {@code first: 0} is a
 * valid empty page. Cursors are opaque (base64 of the node id). Without first/last, all nodes.
 */
final class RelayPage {

    private RelayPage() {
    }

    static <T> Map<String, Object> of(List<T> all, DataFetchingEnvironment env, Function<T, String> id,
            Function<T, Map<String, Object>> view) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw SandboxException.badInput("first and last must not be negative");
        }
        int from = 0;
        int to = all.size();
        if (after != null) {
            from = indexOf(all, id, after) + 1;
        }
        if (before != null) {
            to = Math.min(to, indexOf(all, id, before));
        }
        from = Math.min(from, to);
        int start = from;
        int end = to;
        if (first != null) {
            end = Math.min(end, start + first);
        }
        if (last != null) {
            start = Math.max(start, end - last);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (T node : all.subList(start, end)) {
            edges.add(Map.of("cursor", cursor(id.apply(node)), "node", view.apply(node)));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", end < to);
        pageInfo.put("hasPreviousPage", start > from);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }

    static String cursor(String id) {
        return Base64.getEncoder().encodeToString(("cursor:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> int indexOf(List<T> all, Function<T, String> id, String cursor) {
        for (int i = 0; i < all.size(); i++) {
            if (cursor(id.apply(all.get(i))).equals(cursor)) {
                return i;
            }
        }
        throw SandboxException.badInput("Invalid cursor");
    }
}
