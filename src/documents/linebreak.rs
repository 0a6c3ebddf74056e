//! Knuth–Plass total-fit line breaking over boxes, glue and penalties. It
//! chooses all the breaks of a paragraph together, minimising the sum of
//! demerits, so no line ends up much looser than its neighbours.

/// An item of the paragraph's horizontal list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material of a fixed width.
    Box { width: f32 },
    /// A space that may stretch and shrink, and where a line may end.
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    /// A possible break with a cost; `width` is added only if the line ends
    /// here (the hyphen). `flagged` marks hyphen breaks.
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
    },
}

/// Penalty values at or above this forbid a break; at or below minus it force one.
pub const INFINITY: f32 = 10_000.0;

/// A chosen break: the index of the item where the line ends, and the
/// adjustment ratio of the line that ends there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Break {
    pub position: usize,
    pub ratio: f32,
}

/// Tunables of the algorithm.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// The largest adjustment ratio accepted for a line.
    pub tolerance: f32,
    pub line_penalty: f32,
    /// Extra demerits for two hyphenated lines in a row.
    pub flagged_demerits: f32,
    /// Extra demerits for adjacent lines of very different tightness.
    pub fitness_demerits: f32,
    /// Whether flagged (hyphen) breaks may be used: the first pass tries
    /// without them on the same items.
    pub allow_flagged: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance: 2.0,
            line_penalty: 10.0,
            flagged_demerits: 10_000.0,
            fitness_demerits: 100.0,
            allow_flagged: true,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Node {
    position: usize,
    line: usize,
    fitness: usize,
    width: f32,
    stretch: f32,
    shrink: f32,
    demerits: f32,
    ratio: f32,
    prev: Option<usize>,
}

fn fitness_class(r: f32) -> usize {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

/// Finds the optimal breaks for lines of width `line_width`, or `None` if no
/// set of breaks keeps every line within the tolerance. The last item must be
/// a forced break.
pub fn break_lines(items: &[Item], line_width: f32, params: &Params) -> Option<Vec<Break>> {
    let n = items.len();
    // Prefix sums of width, stretch and shrink before item i.
    let mut sw = vec![0.0f32; n + 1];
    let mut sy = vec![0.0f32; n + 1];
    let mut sz = vec![0.0f32; n + 1];
    for (i, item) in items.iter().enumerate() {
        let (w, y, z) = match *item {
            Item::Box { width } => (width, 0.0, 0.0),
            Item::Glue {
                width,
                stretch,
                shrink,
            } => (width, stretch, shrink),
            Item::Penalty { .. } => (0.0, 0.0, 0.0),
        };
        sw[i + 1] = sw[i] + w;
        sy[i + 1] = sy[i] + y;
        sz[i + 1] = sz[i] + z;
    }

    let mut nodes = vec![Node {
        position: 0,
        line: 0,
        fitness: 1,
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
        demerits: 0.0,
        ratio: 0.0,
        prev: None,
    }];
    let mut active: Vec<usize> = vec![0];

    for b in 0..n {
        let (is_legal, penalty, pen_width, flagged) = match items[b] {
            Item::Box { .. } => (false, 0.0, 0.0, false),
            Item::Glue { .. } => (
                b > 0 && matches!(items[b - 1], Item::Box { .. }),
                0.0,
                0.0,
                false,
            ),
            Item::Penalty {
                width,
                penalty,
                flagged,
            } => (
                penalty < INFINITY && (params.allow_flagged || !flagged),
                penalty,
                width,
                flagged,
            ),
        };
        if !is_legal {
            continue;
        }
        let forced = penalty <= -INFINITY;
        // Best candidate per fitness class: (demerits, from node, ratio).
        let mut best: [Option<(f32, usize, f32)>; 4] = [None; 4];
        let mut keep = Vec::with_capacity(active.len());
        for &a in &active {
            let node = nodes[a];
            let width = sw[b] - node.width + pen_width;
            let ratio = if width < line_width {
                let stretch = sy[b] - node.stretch;
                if stretch > 0.0 {
                    (line_width - width) / stretch
                } else {
                    f32::INFINITY
                }
            } else if width > line_width {
                let shrink = sz[b] - node.shrink;
                if shrink > 0.0 {
                    (line_width - width) / shrink
                } else {
                    f32::NEG_INFINITY
                }
            } else {
                0.0
            };
            if ratio < -1.0 || forced {
                // This node can never start a feasible line past b.
            } else {
                keep.push(a);
            }
            if ratio >= -1.0 && ratio <= params.tolerance {
                let badness = 100.0 * ratio.abs().powi(3);
                let base = (params.line_penalty + badness).powi(2);
                let mut demerits = if penalty >= 0.0 {
                    base + penalty * penalty
                } else if penalty > -INFINITY {
                    base - penalty * penalty
                } else {
                    base
                };
                let prev_flagged = matches!(
                    items.get(node.position),
                    Some(Item::Penalty { flagged: true, .. })
                ) && node.position > 0;
                if flagged && prev_flagged {
                    demerits += params.flagged_demerits;
                }
                // Like TeX's \finalhyphendemerits: a hyphen on the line
                // before the last leaves a lonely word fragment.
                if forced && prev_flagged {
                    demerits += params.flagged_demerits / 2.0;
                }
                let fitness = fitness_class(ratio);
                if fitness.abs_diff(node.fitness) > 1 {
                    demerits += params.fitness_demerits;
                }
                demerits += node.demerits;
                let slot = &mut best[fitness];
                if slot.is_none_or(|(d, _, _)| demerits < d) {
                    *slot = Some((demerits, a, ratio));
                }
            }
        }
        active = keep;
        // Totals after the break: skip the glue and penalties that vanish.
        let mut after = b;
        while after < n {
            match items[after] {
                Item::Box { .. } => break,
                Item::Penalty { penalty, .. } if penalty <= -INFINITY && after > b => break,
                _ => after += 1,
            }
        }
        for (fitness, slot) in best.iter().enumerate() {
            if let Some((demerits, from, ratio)) = *slot {
                nodes.push(Node {
                    position: b,
                    line: nodes[from].line + 1,
                    fitness,
                    width: sw[after],
                    stretch: sy[after],
                    shrink: sz[after],
                    demerits,
                    ratio,
                    prev: Some(from),
                });
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() {
            return None;
        }
    }

    let last = n.checked_sub(1)?;
    let best = active
        .iter()
        .copied()
        .filter(|&a| nodes[a].position == last)
        .min_by(|&x, &y| nodes[x].demerits.total_cmp(&nodes[y].demerits))?;
    let mut breaks = Vec::new();
    let mut cur = Some(best);
    while let Some(i) = cur {
        let node = nodes[i];
        if node.prev.is_none() {
            break;
        }
        breaks.push(Break {
            position: node.position,
            ratio: node.ratio,
        });
        cur = node.prev;
    }
    breaks.reverse();
    Some(breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[f32]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in ws.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue {
                    width: 1.0,
                    stretch: 0.5,
                    shrink: 0.33,
                });
            }
            items.push(Item::Box { width: w });
        }
        items.push(Item::Glue {
            width: 0.0,
            stretch: 1e5,
            shrink: 0.0,
        });
        items.push(Item::Penalty {
            width: 0.0,
            penalty: -INFINITY,
            flagged: false,
        });
        items
    }

    #[test]
    fn breaks_evenly() {
        let items = words(&[3.0; 6]);
        let b = break_lines(&items, 7.0, &Params::default()).unwrap();
        assert_eq!(b.len(), 3);
        assert!(b.iter().take(2).all(|x| x.ratio.abs() < 1e-3));
    }

    #[test]
    fn impossible_is_none() {
        let items = words(&[30.0]);
        assert!(break_lines(&items, 7.0, &Params::default()).is_none());
    }
}
