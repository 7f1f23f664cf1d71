//! Writing out the text pdf-extract reads from one page, with a space or a line break where
//! the glyphs' positions call for one. pdf-extract's own plain-text writer measures the glyph
//! size as the square root of a product that is negative under a mirrored text matrix (as our
//! PDF writer, krilla, sets it): the size is then NaN, no comparison holds, and the last word
//! of every line is glued to the first of the next ("đã\ncắt" read as "đãcắt"), which search
//! then cannot find. Here the size is taken as a magnitude, and a line change is looked for at
//! every glyph, not only at the first of a text-showing operator.
use euclid::{vec2, Transform2D};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

pub struct PageWriter {
    pub text: String,
    last_end: f64,
    last_y: f64,
    /// The next glyph starts a text-showing operator (where a gap means a space).
    first_in_run: bool,
    started: bool,
    flip: Transform,
}

impl Default for PageWriter {
    fn default() -> Self {
        PageWriter {
            text: String::new(),
            last_end: 0.0,
            last_y: 0.0,
            first_in_run: false,
            started: false,
            flip: Transform2D::identity(),
        }
    }
}

impl OutputDev for PageWriter {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Transform2D::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly);
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        glyph: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip);
        let scaled = trm.transform_vector(vec2(font_size, font_size));
        let size = (scaled.x * scaled.y).abs().sqrt();
        let (x, y) = (position.m31, position.m32);
        if self.started {
            if (y - self.last_y).abs() > size * 0.5 {
                self.text.push('\n');
            } else if self.first_in_run && x > self.last_end + size * 0.1 {
                self.text.push(' ');
            }
        }
        self.text.push_str(glyph);
        self.started = true;
        self.first_in_run = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.first_in_run = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
