package dev.switchman.settings;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every field a GraphQL document selects, as a dotted path from the operation's root, fragments spread in. */
final class QuerySelections {

    private QuerySelections() {
    }

    static Set<String> of(String document) {
        Document parsed = Parser.parse(document);
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        Set<String> paths = new TreeSet<>();
        parsed.getDefinitionsOfType(OperationDefinition.class)
                .forEach(operation -> walk(operation.getSelectionSet(), "", fragments, paths));
        return paths;
    }

    private static void walk(SelectionSet set, String prefix, Map<String, FragmentDefinition> fragments,
            Set<String> paths) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> {
                    String path = prefix + field.getName();
                    paths.add(path);
                    walk(field.getSelectionSet(), path + ".", fragments, paths);
                }
                case FragmentSpread spread -> walk(fragments.get(spread.getName()).getSelectionSet(), prefix,
                        fragments, paths);
                case InlineFragment inline -> walk(inline.getSelectionSet(), prefix, fragments, paths);
                default -> throw new IllegalArgumentException("unexpected selection " + selection);
            }
        }
    }
}
