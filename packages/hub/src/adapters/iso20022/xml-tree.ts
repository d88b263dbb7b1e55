/**
 * A subtree in fast-xml-parser's builder notation: keys are element names in document order (ISO
 * 20022 sequences are ordered), `@name` an attribute, `#` the text; an array repeats the element.
 * Every value is a string: numbers and amounts are formatted before they reach the tree.
 */
export interface XmlTree {
  readonly [name: string]: string | XmlTree | readonly XmlTree[];
}
