package dev.switchman.desired.yaml;

/**
 * One document of a file.
 *
 * @param file the file's path relative to the desired-state root
 * @param index the document's position in its file, from 0
 */
public record YamlDocument(String file, int index, YamlNode root) {
}
